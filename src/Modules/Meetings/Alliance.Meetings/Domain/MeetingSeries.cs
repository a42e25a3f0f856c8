namespace Alliance.Meetings.Domain;

/// <summary>
/// A recurring meeting (Reihe): an RFC 5545 rule evaluated in local time of <see cref="TimeZone"/>, so that
/// 18:00 stays 18:00 across daylight-saving changes. Occurrences are materialised as <see cref="Meeting"/>s.
/// </summary>
internal sealed class MeetingSeries
{
    public Guid Id { get; set; }
    public required string Title { get; set; }
    public MeetingKind Kind { get; set; }
    public required string RecurrenceRule { get; set; }
    public DateOnly FirstDate { get; set; }
    public TimeOnly StartTime { get; set; }
    public int DurationMinutes { get; set; }
    public required string TimeZone { get; set; }
    public string? Place { get; set; }
    public string? OnlineLink { get; set; }
    public int Capacity { get; set; }
    public int? DelegateLimit { get; set; }
    public AudienceKind Audience { get; set; }
    public Guid? LabId { get; set; }
    public List<Guid> AudienceOrganizationIds { get; set; } = [];
    public List<int> ReminderDaysBefore { get; set; } = [];

    /// <summary>Meetings held before the series was recorded here: the next occurrence is numbered after them.</summary>
    public int NumberOffset { get; set; }

    /// <summary>Unguessable token of the series' calendar feed.</summary>
    public required string FeedToken { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public uint Version { get; set; }
}
