namespace Alliance.Labs.Domain;

/// <summary>What a lab produces: a concept, a recommendation or a pilot project, with progress.</summary>
internal sealed class Outcome
{
    public Guid Id { get; set; }
    public Guid LabId { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    public OutcomeKind Kind { get; set; }
    public OutcomeStatus Status { get; set; }
    public int Percent { get; set; }
    public List<Guid> PartnerOrganizationIds { get; set; } = [];
    public List<OutcomeNote> Notes { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public uint Version { get; set; }
}

/// <summary>A dated progress note (timeline entry).</summary>
internal sealed class OutcomeNote
{
    public Guid Id { get; set; }
    public Guid OutcomeId { get; set; }
    public DateOnly Date { get; set; }
    public required string Text { get; set; }
    public Guid? AuthorPersonId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
