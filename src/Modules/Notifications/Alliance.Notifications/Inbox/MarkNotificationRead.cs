using Alliance.Notifications.Delivery;
using Alliance.Notifications.Persistence;
using Alliance.Shared.Contracts;
using Alliance.Shared.Errors;
using Alliance.Shared.Security;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Notifications.Inbox;

/// <summary>Marks one of the caller's notifications read. Someone else's is "not found" (404): ids are not confirmed.</summary>
[AllowedFor(Who.SignedIn)]
internal sealed record MarkNotificationRead(Guid NotificationId) : IRequest<Unit>;

internal sealed class MarkNotificationReadHandler(NotificationsDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<MarkNotificationRead, Unit>
{
    public async Task<Unit> Handle(MarkNotificationRead request, CancellationToken cancellationToken)
    {
        var person = Me.PersonOf(user);
        var notification = await db.Notifications.FirstOrDefaultAsync(n => n.Id == request.NotificationId && n.PersonId == person, cancellationToken)
            ?? throw NotFoundException.For("Notification", request.NotificationId);
        notification.ReadAt ??= clock.GetUtcNow();
        return Unit.Value;
    }
}
