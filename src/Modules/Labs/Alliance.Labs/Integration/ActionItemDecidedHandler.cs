using Alliance.Labs.Common;
using Alliance.Labs.Contracts;
using Alliance.Shared.Messaging;
using Alliance.Labs.Domain;
using Alliance.Labs.Persistence;
using Alliance.Meetings.Contracts;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Labs.Integration;

/// <summary>
/// A meeting decided an action item: it joins the lab's and the owner's task lists with the link back to the
/// meeting and decision. One task per action item of the decision, idempotent by the action item's id (also a
/// unique index), so a redelivered event adds nothing and a decision with three action items gives three tasks.
/// </summary>
internal sealed class ActionItemDecidedHandler(LabsDbContext db, OrganizationCopies organizations, TimeProvider clock) : INotificationHandler<ActionItemDecided>
{
    public async Task Handle(ActionItemDecided notification, CancellationToken cancellationToken)
    {
        // An event written before action items carried their id has none; the inbox still delivers it once.
        Guid? source = notification.ActionItemId == Guid.Empty ? null : notification.ActionItemId;
        if (source is not null && await db.ActionItems.AnyAsync(a => a.SourceActionItemId == source, cancellationToken))
        {
            return;
        }

        var labId = notification.LabId is { } lab && await db.Labs.AnyAsync(l => l.Id == lab, cancellationToken) ? lab : (Guid?)null;
        if (notification.OwnerOrganizationId is { } organization)
        {
            await organizations.EnsureAsync([organization], cancellationToken);
        }

        var now = clock.GetUtcNow();
        var item = new ActionItem
        {
            Id = Guid.NewGuid(), LabId = labId, Title = Fit(notification.Title, TextLimits.ActionItemTitle), OwnerPersonId = notification.OwnerPersonId,
            OwnerOrganizationId = notification.OwnerOrganizationId, DueDate = notification.DueDate, Status = ActionItemStatus.Open,
            Source = ActionItemSource.MeetingDecision, MeetingId = notification.MeetingId, DecisionId = notification.DecisionId,
            SourceActionItemId = source,
            MeetingTitle = Fit(notification.MeetingTitle, TextLimits.MeetingTitle), SourceLink = Fit(notification.SourceLink, TextLimits.SourceLink), CreatedAt = now, UpdatedAt = now,
        };
        db.ActionItems.Add(item);
        db.AddIntegrationEvent(new ActionItemAssigned(item.Id, item.Title, item.OwnerPersonId, item.OwnerOrganizationId, item.DueDate), now);
    }

    // The sender's limits fit these columns; cutting is only the last guard so a changed sender can never fail the delivery.
    private static string Fit(string value, int max) => value.Length <= max ? value : value[..max];
}
