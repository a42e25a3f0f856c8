using Alliance.Notifications.Delivery;
using Alliance.Notifications.Persistence;
using Alliance.Shared.Contracts;
using Alliance.Shared.Security;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Notifications.Inbox;

/// <summary>Marks all of the caller's unread notifications read; answers how many there were.</summary>
[AllowedFor(Who.SignedIn)]
internal sealed record MarkAllNotificationsRead : IRequest<int>;

internal sealed class MarkAllNotificationsReadHandler(NotificationsDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<MarkAllNotificationsRead, int>
{
    public async Task<int> Handle(MarkAllNotificationsRead request, CancellationToken cancellationToken)
    {
        var person = Me.PersonOf(user);
        var now = clock.GetUtcNow();
        // One statement: nothing to load, and a notification arriving meanwhile stays unread.
        return await db.Notifications.Where(n => n.PersonId == person && n.ReadAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(n => n.ReadAt, now), cancellationToken);
    }
}
