using Alliance.Shared.Contracts;

namespace Alliance.Labs.Contracts;

// Events carry who is concerned (person ids, or an organisation whose contacts are meant) and the texts a message
// needs, so a subscriber (Notifications) does not have to ask back.

/// <summary>An organisation asked to join a lab; <see cref="CoordinatorPersonIds"/> decide it.</summary>
[EventName("labs.membership-requested")]
public sealed record LabMembershipRequested(
    Guid RequestId,
    Guid LabId,
    string LabTitle,
    string OrganizationName,
    IReadOnlyList<Guid> CoordinatorPersonIds) : IntegrationEvent;

/// <summary>
/// The coordinator or staff decided a membership request. <see cref="RequesterPersonId"/> is who asked (null when
/// that person was erased); <see cref="Reason"/> is the reason of a decline.
/// </summary>
[EventName("labs.membership-decided")]
public sealed record LabMembershipDecided(
    Guid RequestId,
    Guid LabId,
    string LabTitle,
    Guid? RequesterPersonId,
    bool Approved,
    string? Reason) : IntegrationEvent;

/// <summary>How staff answered a topic proposal.</summary>
public enum ProposalOutcome
{
    TakenIntoLab = 0,
    Merged = 1,
    Declined = 2,
}

/// <summary>
/// Staff answered a topic proposal. <see cref="PersonIds"/>: the proposer and the people who supported it.
/// <see cref="LabTitle"/> is the lab it was taken into, if any.
/// </summary>
[EventName("labs.proposal-answered")]
public sealed record ProposalAnswered(
    Guid ProposalId,
    string Title,
    ProposalOutcome Outcome,
    string? LabTitle,
    string? Reason,
    IReadOnlyList<Guid> PersonIds) : IntegrationEvent;

/// <summary>One side of a match: what it posted, its organisation and who posted it (null when gone).</summary>
public sealed record MatchSide(string Title, Guid OrganizationId, string OrganizationName, Guid? PostedByPersonId);

/// <summary>A need was matched with an offer; both sides are told, each with the other's contact.</summary>
[EventName("labs.match-made")]
public sealed record MatchMade(Guid MatchId, Guid NeedId, MatchSide Need, MatchSide Offer) : IntegrationEvent;

/// <summary>
/// An action item was given to its owner: a person, an organisation (its contacts are meant) or both
/// (the person is meant).
/// </summary>
[EventName("labs.action-item-assigned")]
public sealed record ActionItemAssigned(
    Guid ActionItemId,
    string Title,
    Guid? OwnerPersonId,
    Guid? OwnerOrganizationId,
    DateOnly? DueDate) : IntegrationEvent;

/// <summary>An open action item is past its due date (once per item and due date).</summary>
[EventName("labs.action-item-overdue")]
public sealed record ActionItemOverdue(
    Guid ActionItemId,
    string Title,
    Guid? OwnerPersonId,
    Guid? OwnerOrganizationId,
    DateOnly DueDate) : IntegrationEvent;
