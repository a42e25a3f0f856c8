using Alliance.Members.Contracts;
using Alliance.Notifications.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Notifications.Integration;

/// <summary>Erasure: the person's notifications (which may quote texts about them) and choices are deleted.</summary>
internal sealed class PersonErasedHandler(NotificationsDbContext db) : INotificationHandler<PersonErased>
{
    public async Task Handle(PersonErased notification, CancellationToken cancellationToken)
    {
        db.Notifications.RemoveRange(await db.Notifications.Where(n => n.PersonId == notification.PersonId).ToListAsync(cancellationToken));
        db.Preferences.RemoveRange(await db.Preferences.Where(p => p.PersonId == notification.PersonId).ToListAsync(cancellationToken));
    }
}
