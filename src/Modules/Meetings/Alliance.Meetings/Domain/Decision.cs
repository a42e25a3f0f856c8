namespace Alliance.Meetings.Domain;

/// <summary>A decision (Beschluss) recorded in the minutes of an agenda item.</summary>
internal sealed class Decision
{
    public Guid Id { get; set; }
    public Guid MeetingId { get; set; }
    public Guid AgendaItemId { get; set; }
    public required string Text { get; set; }

    /// <summary>The lab the decision's action items go to (else the agenda item's, else the meeting's).</summary>
    public Guid? LabId { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public List<ActionItem> ActionItems { get; set; } = [];
}

/// <summary>An action item (wer, was, bis wann) following from a decision; published to Labs.</summary>
internal sealed class ActionItem
{
    public Guid Id { get; set; }
    public Guid DecisionId { get; set; }
    public Guid MeetingId { get; set; }
    public required string Title { get; set; }
    public Guid? OwnerPersonId { get; set; }
    public Guid? OwnerOrganizationId { get; set; }
    public string? OwnerName { get; set; }
    public DateOnly? DueDate { get; set; }
}

/// <summary>A correction after the minutes were approved: appended and logged, never edited in place.</summary>
internal sealed class MinutesAddendum
{
    public Guid Id { get; set; }
    public Guid MeetingId { get; set; }
    public required string Text { get; set; }
    public required string AuthorName { get; set; }

    /// <summary>Who wrote it, so erasing that person also removes her name here.</summary>
    public Guid? AuthorPersonId { get; set; }
    public DateTimeOffset AddedAt { get; set; }
}
