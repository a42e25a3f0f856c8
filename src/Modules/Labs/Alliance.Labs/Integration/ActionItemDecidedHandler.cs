using Alliance.Labs.Common;
using Alliance.Labs.Domain;
using Alliance.Labs.Persistence;
using Alliance.Meetings.Contracts;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Labs.Integration;

/// <summary>
/// A meeting decided an action item: it joins the lab's and the owner's task lists with the link back to the
/// meeting and decision. Idempotent by decision id (also a unique index).
/// </summary>
internal sealed class ActionItemDecidedHandler(LabsDbContext db, OrganizationCopies organizations, TimeProvider clock) : INotificationHandler<ActionItemDecided>
{
    public async Task Handle(ActionItemDecided notification, CancellationToken cancellationToken)
    {
        if (await db.ActionItems.AnyAsync(a => a.DecisionId == notification.DecisionId, cancellationToken))
        {
            return;
        }

        var labId = notification.LabId is { } lab && await db.Labs.AnyAsync(l => l.Id == lab, cancellationToken) ? lab : (Guid?)null;
        if (notification.OwnerOrganizationId is { } organization)
        {
            await organizations.EnsureAsync([organization], cancellationToken);
        }

        var now = clock.GetUtcNow();
        db.ActionItems.Add(new ActionItem
        {
            Id = Guid.NewGuid(), LabId = labId, Title = Truncate(notification.Title, 500), OwnerPersonId = notification.OwnerPersonId,
            OwnerOrganizationId = notification.OwnerOrganizationId, DueDate = notification.DueDate, Status = ActionItemStatus.Open,
            Source = ActionItemSource.MeetingDecision, MeetingId = notification.MeetingId, DecisionId = notification.DecisionId,
            MeetingTitle = Truncate(notification.MeetingTitle, 300), SourceLink = Truncate(notification.SourceLink, 500), CreatedAt = now, UpdatedAt = now,
        });
    }

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];
}
