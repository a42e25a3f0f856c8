using Alliance.Members.Contracts;
using Alliance.Notifications.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Notifications.Integration;

/// <summary>The self-service export: the person's notifications and their choices per kind.</summary>
internal sealed class CollectPersonalDataHandler(NotificationsDbContext db) : INotificationHandler<CollectPersonalData>
{
    public async Task Handle(CollectPersonalData notification, CancellationToken cancellationToken)
    {
        var person = notification.PersonId;
        var notifications = await db.Notifications.AsNoTracking().Where(n => n.PersonId == person).OrderBy(n => n.CreatedAt)
            .ToListAsync(cancellationToken);
        var preferences = await db.Preferences.AsNoTracking().Where(p => p.PersonId == person)
            .ToListAsync(cancellationToken);
        notification.Collector.Add(NotificationsDbContext.Schema, new
        {
            notifications = notifications.Select(n => new { Kind = n.Kind.ToString(), n.TextKey, n.Arguments, n.Link, n.CreatedAt, n.ReadAt }),
            preferences = preferences.Select(p => new { Kind = p.Kind.ToString(), p.Mail }),
        });
    }
}
