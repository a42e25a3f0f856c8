using Alliance.Shared.Messaging;
using Alliance.Members.Contracts;
using Alliance.Notifications.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Notifications.Integration;

/// <summary>
/// Erasure: the person's notifications (which may quote texts about them), choices and the mails to her in this
/// module's outbox are deleted.
/// </summary>
internal sealed class PersonErasedHandler(NotificationsDbContext db, TimeProvider clock) : INotificationHandler<PersonErased>
{
    public async Task Handle(PersonErased notification, CancellationToken cancellationToken)
    {
        await OutboxErasure.ForgetPersonAsync(db, notification.PersonId, clock.GetUtcNow(), cancellationToken);
        db.Notifications.RemoveRange(await db.Notifications.Where(n => n.PersonId == notification.PersonId).ToListAsync(cancellationToken));
        db.Preferences.RemoveRange(await db.Preferences.Where(p => p.PersonId == notification.PersonId).ToListAsync(cancellationToken));
    }
}
