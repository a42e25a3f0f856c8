using Alliance.Notifications.Contracts;
using Alliance.Notifications.Delivery;
using Alliance.Notifications.Persistence;
using Alliance.Notifications.Resources;
using Alliance.Shared.Contracts;
using Alliance.Shared.Persistence;
using Alliance.Shared.Security;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Alliance.Notifications.Inbox;

/// <summary>One notification as its reader sees it, the text in the reader's language.</summary>
internal sealed record NotificationItem(Guid Id, NotificationKind Kind, string Text, string Link, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt);

/// <summary>The caller's own notifications, newest first, one page at a time.</summary>
[AllowedFor(Who.SignedIn)]
internal sealed record ListMyNotifications(int Page = 1, int PageSize = 20) : IRequest<PagedResult<NotificationItem>>;

internal sealed class ListMyNotificationsHandler(NotificationsDbContext db, ICurrentUser user, IStringLocalizer<NotificationsText> text)
    : IRequestHandler<ListMyNotifications, PagedResult<NotificationItem>>
{
    public async Task<PagedResult<NotificationItem>> Handle(ListMyNotifications request, CancellationToken cancellationToken)
    {
        var person = Me.PersonOf(user);
        var page = await db.Notifications.AsNoTracking().Where(n => n.PersonId == person)
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .ToPagedResultAsync(request.Page, request.PageSize, cancellationToken);
        return new PagedResult<NotificationItem>(
            page.Items.Select(n => new NotificationItem(n.Id, n.Kind, NotificationTexts.Render(text, n.TextKey, n.Arguments), n.Link, n.CreatedAt, n.ReadAt)).ToList(),
            page.Page, page.PageSize, page.TotalCount);
    }
}
