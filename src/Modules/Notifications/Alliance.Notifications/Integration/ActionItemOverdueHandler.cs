using Alliance.Labs.Contracts;
using Alliance.Notifications.Contracts;
using Alliance.Notifications.Delivery;
using MediatR;

namespace Alliance.Notifications.Integration;

/// <summary>An open action item is past its due date: the owner person, else the owner organisation's contacts, are reminded.</summary>
internal sealed class ActionItemOverdueHandler(NotificationDelivery delivery) : INotificationHandler<ActionItemOverdue>
{
    public async Task Handle(ActionItemOverdue notification, CancellationToken cancellationToken)
    {
        var message = new NotificationMessage(NotificationKind.ActionItemOverdue, "ActionItemOverdue", [notification.Title, notification.DueDate], "/labs/my-action-items");
        var owners = await delivery.OwnersAsync(notification.OwnerPersonId, notification.OwnerOrganizationId, cancellationToken);
        await delivery.DeliverAsync(message, owners, mail: true, cancellationToken);
    }
}
