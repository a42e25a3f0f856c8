using Alliance.Labs.Contracts;
using Alliance.Notifications.Contracts;
using Alliance.Notifications.Delivery;
using MediatR;

namespace Alliance.Notifications.Integration;

/// <summary>A membership request was approved or declined: the person who asked is told (with the reason of a decline).</summary>
internal sealed class LabMembershipDecidedHandler(NotificationDelivery delivery) : INotificationHandler<LabMembershipDecided>
{
    public Task Handle(LabMembershipDecided notification, CancellationToken cancellationToken)
    {
        if (notification.RequesterPersonId is not { } requester)
        {
            return Task.CompletedTask;
        }

        var message = notification.Approved
            ? new NotificationMessage(NotificationKind.MembershipApproved, "MembershipApproved", [notification.LabTitle], $"/labs/{notification.LabId}")
            : new NotificationMessage(NotificationKind.MembershipDeclined, "MembershipDeclined", [notification.LabTitle, notification.Reason ?? "—"], $"/labs/{notification.LabId}");
        return delivery.DeliverAsync(message, [requester], mail: true, cancellationToken);
    }
}
