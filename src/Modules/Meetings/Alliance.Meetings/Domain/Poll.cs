namespace Alliance.Meetings.Domain;

/// <summary>A straw poll (Stimmungsbild) during a meeting: one vote per present organisation.</summary>
internal sealed class Poll
{
    public Guid Id { get; set; }
    public Guid MeetingId { get; set; }
    public Guid? AgendaItemId { get; set; }
    public required string Question { get; set; }
    public List<string> Options { get; set; } = [];
    public bool MultipleChoice { get; set; }
    public bool IsClosed { get; set; }
    public DateTimeOffset OpenedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>Written when closed: "Option: n" lines, kept in the minutes.</summary>
    public string? ResultSummary { get; set; }
}

/// <summary>An organisation's vote; unique per (poll, organisation), changeable until the poll closes.</summary>
internal sealed class PollVote
{
    public Guid Id { get; set; }
    public Guid PollId { get; set; }
    public Guid OrganizationId { get; set; }
    public Guid PersonId { get; set; }
    public List<int> OptionIndexes { get; set; } = [];
    public DateTimeOffset CastAt { get; set; }
}
