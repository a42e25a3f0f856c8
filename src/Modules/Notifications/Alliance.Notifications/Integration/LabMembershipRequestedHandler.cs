using Alliance.Labs.Contracts;
using Alliance.Notifications.Contracts;
using Alliance.Notifications.Delivery;
using MediatR;

namespace Alliance.Notifications.Integration;

/// <summary>An organisation asked to join a lab: its coordinators are told, with a link to the lab where they decide.</summary>
internal sealed class LabMembershipRequestedHandler(NotificationDelivery delivery) : INotificationHandler<LabMembershipRequested>
{
    public Task Handle(LabMembershipRequested notification, CancellationToken cancellationToken) =>
        delivery.DeliverAsync(
            new NotificationMessage(NotificationKind.MembershipRequested, "MembershipRequested", [notification.OrganizationName, notification.LabTitle],
                $"/labs/{notification.LabId}"),
            notification.CoordinatorPersonIds, mail: true, cancellationToken);
}
