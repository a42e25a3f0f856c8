namespace Alliance.Labs.Domain;

/// <summary>A participant of a programme lab (a founder, a consultee), followed up over time.</summary>
internal sealed class Participant
{
    public Guid Id { get; set; }
    public Guid LabId { get; set; }
    public required string Name { get; set; }
    public string? Email { get; set; }
    public Guid? PersonId { get; set; }
    public string? Note { get; set; }
    public ParticipantStatus Status { get; set; }
    public DateOnly LastContactOn { get; set; }
    public DateOnly? FollowUpOn { get; set; }
    public List<ParticipantStatusChange> History { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public uint Version { get; set; }
}

internal sealed class ParticipantStatusChange
{
    public Guid Id { get; set; }
    public Guid ParticipantId { get; set; }
    public ParticipantStatus Status { get; set; }
    public DateOnly On { get; set; }
    public string? Note { get; set; }
    public Guid? ChangedByPersonId { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>"Staff were reminded about this participant for this last contact" — once per contact.</summary>
internal sealed class FollowUpReminder
{
    public Guid ParticipantId { get; set; }
    public DateOnly LastContactOn { get; set; }
    public DateTimeOffset SentAt { get; set; }
}
