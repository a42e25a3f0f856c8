namespace Alliance.Labs.Domain;

/// <summary>A topic a representative brings up (Themenvorschlag); staff answer it.</summary>
internal sealed class TopicProposal
{
    public Guid Id { get; set; }
    public required string Title { get; set; }
    public required string Description { get; set; }
    public Guid? ActionFieldId { get; set; }
    public Guid OrganizationId { get; set; }
    public Guid? ProposedByPersonId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public ProposalStatus Status { get; set; }
    public Guid? LabId { get; set; }
    public Guid? MergedIntoId { get; set; }
    public string? AnswerReason { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
    public Guid? AnsweredByPersonId { get; set; }
    public List<ProposalSupport> Supports { get; set; } = [];
    public uint Version { get; set; }
}

/// <summary>One organisation backs a proposal — once (primary key).</summary>
internal sealed class ProposalSupport
{
    public Guid ProposalId { get; set; }
    public Guid OrganizationId { get; set; }
    public Guid? PersonId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
