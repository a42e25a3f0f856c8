namespace Alliance.Meetings.Domain;

/// <summary>One meeting: an occurrence of a series (numbered, "8. Allianztreffen") or a single meeting.</summary>
internal sealed class Meeting
{
    public Guid Id { get; set; }
    public Guid? SeriesId { get; set; }

    /// <summary>Where the series' rule put this occurrence; with <see cref="SeriesId"/> unique, so nothing is created twice.</summary>
    public DateTimeOffset? OccurrenceStart { get; set; }
    public int? Number { get; set; }
    public required string Title { get; set; }
    public MeetingKind Kind { get; set; }
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }
    public required string TimeZone { get; set; }
    public string? Place { get; set; }
    public string? OnlineLink { get; set; }
    public int Capacity { get; set; }
    public int? DelegateLimit { get; set; }
    public AudienceKind Audience { get; set; }
    public Guid? LabId { get; set; }
    public List<Guid> AudienceOrganizationIds { get; set; } = [];
    public List<int> ReminderDaysBefore { get; set; } = [];
    public DateTimeOffset? TopicDeadline { get; set; }

    /// <summary>Moved by hand: editing the series no longer changes it.</summary>
    public bool IsDetached { get; set; }
    public bool IsCancelled { get; set; }
    public DateTimeOffset? InvitedAt { get; set; }
    public MinutesStatus MinutesStatus { get; set; }
    public string? MinutesSummary { get; set; }
    public DateTimeOffset? MinutesApprovedAt { get; set; }

    /// <summary>Counter for the waitlist order and the ICS SEQUENCE (bumped on every significant change).</summary>
    public int Sequence { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Last significant change (start, end, place, cancellation, reinstatement): the calendar DTSTAMP.</summary>
    public DateTimeOffset ChangedAt { get; set; }
    public uint Version { get; set; }

    public List<AgendaItem> AgendaItems { get; set; } = [];

    public string DisplayTitle => Number is { } n ? $"{n}. {Title}" : Title;
}
