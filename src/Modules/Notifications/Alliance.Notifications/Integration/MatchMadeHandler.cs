using Alliance.Labs.Contracts;
using Alliance.Members.Contracts;
using Alliance.Notifications.Contracts;
using Alliance.Notifications.Delivery;
using MediatR;

namespace Alliance.Notifications.Integration;

/// <summary>
/// A need was matched with an offer: each side is told (the person who posted it, else the organisation's contacts),
/// with the other side's contact person — the name only where that person agreed to be shown to members, the
/// e-mail address only where they agreed to be contacted by e-mail.
/// </summary>
internal sealed class MatchMadeHandler(NotificationDelivery delivery, IMediator mediator) : INotificationHandler<MatchMade>
{
    public async Task Handle(MatchMade notification, CancellationToken cancellationToken)
    {
        var link = $"/labs/needs/{notification.NeedId}";
        var needContact = await ContactAsync(notification.Need.PostedByPersonId, cancellationToken);
        var offerContact = await ContactAsync(notification.Offer.PostedByPersonId, cancellationToken);

        await delivery.DeliverAsync(
            Message("MatchMade_Need", notification.Need.Title, notification.Offer, offerContact, link),
            await delivery.OwnersAsync(notification.Need.PostedByPersonId, notification.Need.OrganizationId, cancellationToken), mail: true, cancellationToken);
        await delivery.DeliverAsync(
            Message("MatchMade_Offer", notification.Offer.Title, notification.Need, needContact, link),
            await delivery.OwnersAsync(notification.Offer.PostedByPersonId, notification.Offer.OrganizationId, cancellationToken), mail: true, cancellationToken);
    }

    private static NotificationMessage Message(string key, string ownTitle, MatchSide other, string? contact, string link) =>
        contact is null
            ? new NotificationMessage(NotificationKind.MatchMade, key, [ownTitle, other.Title, other.OrganizationName], link)
            : new NotificationMessage(NotificationKind.MatchMade, key + "_Contact", [ownTitle, other.Title, other.OrganizationName, contact], link);

    /// <summary>"Name, address", either part only where the person's consent allows; null when nothing may be shown.</summary>
    private async Task<string?> ContactAsync(Guid? personId, CancellationToken ct)
    {
        if (personId is not { } id || (await mediator.Send(new GetPeopleByIds([id]), ct)).FirstOrDefault() is not { IsErased: false } person)
        {
            return null;
        }

        var parts = new List<string>();
        if (person.NameVisibleToMembers)
        {
            parts.Add(person.DisplayName);
        }

        if (person.MayContactByEmail && !string.IsNullOrEmpty(person.Email))
        {
            parts.Add(person.Email);
        }

        return parts.Count == 0 ? null : string.Join(", ", parts);
    }
}
