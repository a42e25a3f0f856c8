namespace Alliance.Labs.Domain;

/// <summary>Who owes what by when (Aufgabe). Owner: a person, an organisation, or both.</summary>
internal sealed class ActionItem
{
    public Guid Id { get; set; }
    public Guid? LabId { get; set; }
    public required string Title { get; set; }
    public Guid? OwnerPersonId { get; set; }
    public Guid? OwnerOrganizationId { get; set; }
    public DateOnly? DueDate { get; set; }
    public ActionItemStatus Status { get; set; }
    public ActionItemSource Source { get; set; }
    public Guid? MeetingId { get; set; }
    public Guid? DecisionId { get; set; }

    /// <summary>The meeting's own action item this task came from (one task per action item; unique).</summary>
    public Guid? SourceActionItemId { get; set; }
    public string? MeetingTitle { get; set; }
    public string? SourceLink { get; set; }
    public Guid? CreatedByPersonId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public uint Version { get; set; }
}

/// <summary>"The overdue reminder for this item and this due date was sent" — the primary key makes it once.</summary>
internal sealed class ActionItemReminder
{
    public Guid ActionItemId { get; set; }
    public DateOnly DueDate { get; set; }
    public DateTimeOffset SentAt { get; set; }
}
