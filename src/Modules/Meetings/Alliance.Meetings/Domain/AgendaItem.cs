namespace Alliance.Meetings.Domain;

/// <summary>A point of the agenda (Tagesordnungspunkt) with its minutes: notes, decisions, polls.</summary>
internal sealed class AgendaItem
{
    public Guid Id { get; set; }
    public Guid MeetingId { get; set; }
    public int Position { get; set; }
    public required string Title { get; set; }
    public string? Presenter { get; set; }
    public int PlannedMinutes { get; set; }
    public Guid? LabId { get; set; }
    public string? LabTitle { get; set; }
    public string? Notes { get; set; }
    public uint Version { get; set; }
    public List<AgendaDocument> Documents { get; set; } = [];
}

/// <summary>A document attached to an agenda item: a link, or a small file stored in the database.</summary>
internal sealed class AgendaDocument
{
    public const int MaxFileBytes = 5 * 1024 * 1024;

    public Guid Id { get; set; }
    public Guid AgendaItemId { get; set; }
    public required string Name { get; set; }
    public string? Url { get; set; }
    public string? ContentType { get; set; }
    public byte[]? Content { get; set; }
    public int SizeBytes { get; set; }
    public DateTimeOffset AddedAt { get; set; }
}

/// <summary>A member's proposal for the agenda, submitted before the meeting's topic deadline.</summary>
internal sealed class TopicSubmission
{
    public Guid Id { get; set; }
    public Guid MeetingId { get; set; }
    public Guid PersonId { get; set; }
    public Guid? OrganizationId { get; set; }
    public required string SubmitterName { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    public TopicStatus Status { get; set; }
    public Guid? AgendaItemId { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
}
