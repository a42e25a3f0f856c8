using Alliance.Labs.Contracts;
using Alliance.Notifications.Contracts;
using Alliance.Notifications.Delivery;
using MediatR;

namespace Alliance.Notifications.Integration;

/// <summary>Staff answered a topic proposal: the proposer and every supporter are told how.</summary>
internal sealed class ProposalAnsweredHandler(NotificationDelivery delivery) : INotificationHandler<ProposalAnswered>
{
    public Task Handle(ProposalAnswered notification, CancellationToken cancellationToken)
    {
        object[] arguments = notification.Outcome switch
        {
            ProposalOutcome.TakenIntoLab => [notification.Title, notification.LabTitle ?? "—"],
            ProposalOutcome.Merged => [notification.Title],
            _ => [notification.Title, notification.Reason ?? "—"],
        };
        var message = new NotificationMessage(NotificationKind.ProposalAnswered, $"ProposalAnswered_{notification.Outcome}", arguments,
            $"/labs/proposals/{notification.ProposalId}");
        return delivery.DeliverAsync(message, notification.PersonIds, mail: true, cancellationToken);
    }
}
