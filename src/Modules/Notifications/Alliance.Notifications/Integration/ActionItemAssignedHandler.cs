using Alliance.Labs.Contracts;
using Alliance.Notifications.Contracts;
using Alliance.Notifications.Delivery;
using MediatR;

namespace Alliance.Notifications.Integration;

/// <summary>An action item was given to someone: the owner person, else the owner organisation's contacts, are told.</summary>
internal sealed class ActionItemAssignedHandler(NotificationDelivery delivery) : INotificationHandler<ActionItemAssigned>
{
    public async Task Handle(ActionItemAssigned notification, CancellationToken cancellationToken)
    {
        var message = notification.DueDate is { } due
            ? new NotificationMessage(NotificationKind.ActionItemAssigned, "ActionItemAssigned_Due", [notification.Title, due], "/labs/my-action-items")
            : new NotificationMessage(NotificationKind.ActionItemAssigned, "ActionItemAssigned", [notification.Title], "/labs/my-action-items");
        var owners = await delivery.OwnersAsync(notification.OwnerPersonId, notification.OwnerOrganizationId, cancellationToken);
        await delivery.DeliverAsync(message, owners, mail: true, cancellationToken);
    }
}
