namespace Alliance.Labs.Domain;

/// <summary>What an organisation (often a school) needs: what, for whom, until when, how many.</summary>
internal sealed class Need
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public Guid? LabId { get; set; }
    public Guid? PostedByPersonId { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    public string? ForWhom { get; set; }
    public DateOnly? Until { get; set; }
    public int? Quantity { get; set; }
    public bool IsClosed { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>What a company can give.</summary>
internal sealed class Offer
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public Guid? PostedByPersonId { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    public int? Quantity { get; set; }
    public bool IsClosed { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A need matched with an offer, and what came of it.</summary>
internal sealed class Match
{
    public Guid Id { get; set; }
    public Guid NeedId { get; set; }
    public Guid OfferId { get; set; }
    public Offer? Offer { get; set; }
    public Need? Need { get; set; }
    public DateTimeOffset MatchedAt { get; set; }
    public Guid? MatchedByPersonId { get; set; }
    public MatchOutcome Outcome { get; set; }
    public string? OutcomeNote { get; set; }
    public DateTimeOffset? OutcomeAt { get; set; }
}
