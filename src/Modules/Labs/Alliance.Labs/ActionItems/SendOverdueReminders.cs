using Alliance.Shared.Localization;
using Alliance.Labs.Contracts;
using Alliance.Labs.Domain;
using Alliance.Labs.Persistence;
using Alliance.Shared.Messaging;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Alliance.Shared.Contracts;

namespace Alliance.Labs.ActionItems;

/// <summary>
/// Daily: one "overdue" event per overdue open item and due date (Notifications tells the owner in-app and by mail).
/// The reminder row (primary key item + due date) is written in the same transaction as the event, so a second run
/// finds it and sends nothing.
/// </summary>
[AllowedFor(Who.Internal)]
internal sealed record SendOverdueReminders : IRequest<int>;

internal sealed class SendOverdueRemindersHandler(
    LabsDbContext db, TimeProvider clock)
    : IRequestHandler<SendOverdueReminders, int>
{
    private const int Batch = 200;

    public async Task<int> Handle(SendOverdueReminders request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = AllianceTime.Today(clock);
        var due = await db.ActionItems.AsNoTracking()
            .Where(a => a.Status == ActionItemStatus.Open && a.DueDate < today
                && !db.ActionItemReminders.Any(r => r.ActionItemId == a.Id && r.DueDate == a.DueDate))
            .OrderBy(a => a.DueDate).Take(Batch).ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }

        foreach (var item in due)
        {
            // Who is meant (the owner person, else the organisation's contacts) and how they hear of it is Notifications' job.
            db.AddIntegrationEvent(new ActionItemOverdue(item.Id, item.Title, item.OwnerPersonId, item.OwnerOrganizationId, item.DueDate!.Value), now);
            db.ActionItemReminders.Add(new ActionItemReminder { ActionItemId = item.Id, DueDate = item.DueDate!.Value, SentAt = now });
        }

        return due.Count;
    }
}
