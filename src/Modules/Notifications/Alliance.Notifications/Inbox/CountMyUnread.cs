using Alliance.Notifications.Delivery;
using Alliance.Notifications.Persistence;
using Alliance.Shared.Contracts;
using Alliance.Shared.Security;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Notifications.Inbox;

/// <summary>How many of the caller's notifications are unread (the bell in the navigation).</summary>
[AllowedFor(Who.SignedIn)]
internal sealed record CountMyUnread : IRequest<int>;

internal sealed class CountMyUnreadHandler(NotificationsDbContext db, ICurrentUser user) : IRequestHandler<CountMyUnread, int>
{
    public async Task<int> Handle(CountMyUnread request, CancellationToken cancellationToken)
    {
        var person = Me.PersonOf(user);
        return await db.Notifications.CountAsync(n => n.PersonId == person && n.ReadAt == null, cancellationToken);
    }
}
