using Alliance.Shared.Contracts;
using MediatR;

namespace Alliance.Notifications.Contracts;

/// <summary>
/// What a notification is about. The numbers are stored: add new kinds at the end, never renumber.
/// People choose per kind whether it also comes by e-mail.
/// </summary>
public enum NotificationKind
{
    /// <summary>An organisation asked to join a lab (to the lab's coordinators).</summary>
    MembershipRequested = 0,

    /// <summary>The request to join a lab was approved (to the person who asked).</summary>
    MembershipApproved = 1,

    /// <summary>The request to join a lab was declined (to the person who asked).</summary>
    MembershipDeclined = 2,

    /// <summary>Staff answered a topic proposal (to the proposer and the supporters).</summary>
    ProposalAnswered = 3,

    /// <summary>A need was matched with an offer (to both sides).</summary>
    MatchMade = 4,

    /// <summary>An action item was given to someone (to the owner).</summary>
    ActionItemAssigned = 5,

    /// <summary>An open action item is past its due date (to the owner).</summary>
    ActionItemOverdue = 6,

    /// <summary>A registration for a meeting was confirmed (to the registrant).</summary>
    RegistrationConfirmed = 7,

    /// <summary>The meeting was full: the registration is on the waiting list.</summary>
    RegistrationWaitlisted = 8,

    /// <summary>A place became free: the registration moved up from the waiting list.</summary>
    RegistrationMovedUp = 9,

    /// <summary>Time or place of a meeting changed (to its registrants).</summary>
    MeetingChanged = 10,

    /// <summary>A meeting was cancelled (to its registrants).</summary>
    MeetingCancelled = 11,
}

/// <summary>One person's "in-app only" choice for one kind (an answer of <see cref="GetMailOptOutsOfKinds"/>).</summary>
public sealed record MailOptOut(Guid PersonId, NotificationKind Kind);

/// <summary>
/// Of <paramref name="PersonIds"/>, who chose "in-app only" for which of <paramref name="Kinds"/> — one
/// <see cref="MailOptOut"/> per person and kind chosen so; a person and kind not in the answer keeps the mail. A module
/// that sends its own mail of such a kind (Meetings, with the calendar file) leaves them out; it asks for one kind, or
/// for both outcomes of a registration (seat or waitlist) before the registration's turn, when it cannot know yet which
/// it will be. Consent is not part of this answer; the sender checks it as before.
/// </summary>
[AllowedFor(Who.Internal)]
public sealed record GetMailOptOutsOfKinds(IReadOnlyCollection<NotificationKind> Kinds, IReadOnlyCollection<Guid> PersonIds)
    : IRequest<IReadOnlyCollection<MailOptOut>>;
