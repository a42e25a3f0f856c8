namespace Alliance.Labs.Domain;

/// <summary>An organisation asks to join a lab; the coordinator or staff decide.</summary>
internal sealed class MembershipRequest
{
    public Guid Id { get; set; }
    public Guid LabId { get; set; }
    public Guid OrganizationId { get; set; }
    public Guid? RequestedByPersonId { get; set; }
    public string? Motivation { get; set; }
    public MembershipRequestStatus Status { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public Guid? DecidedByPersonId { get; set; }
    public string? DeclineReason { get; set; }
    public uint Version { get; set; }
}

/// <summary>An organisation in a lab. Ended memberships keep their row (LeftAt) for history and statistics.</summary>
internal sealed class LabMembership
{
    public Guid Id { get; set; }
    public Guid LabId { get; set; }
    public Guid OrganizationId { get; set; }
    public OrganizationCopy? Organization { get; set; }
    public MembershipRole Role { get; set; }
    public Guid? RequestId { get; set; }
    public DateTimeOffset JoinedAt { get; set; }
    public DateTimeOffset? LeftAt { get; set; }
}
