using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Alliance.Notifications.Inbox;

internal static class InboxEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/", async (IMediator mediator, int? page, int? pageSize, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new ListMyNotifications(page ?? 1, pageSize ?? 20), ct)))
            .WithName("ListMyNotifications").WithSummary("The caller's own notifications, newest first, paged; texts in the request's language.");

        api.MapGet("/unread-count", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(new UnreadCount(await mediator.Send(new CountMyUnread(), ct))))
            .WithName("CountMyUnreadNotifications").WithSummary("How many of the caller's notifications are unread.");

        api.MapPost("/{notificationId:guid}/read", async Task<NoContent> (IMediator mediator, Guid notificationId, CancellationToken ct) =>
            {
                await mediator.Send(new MarkNotificationRead(notificationId), ct);
                return TypedResults.NoContent();
            })
            .WithName("MarkNotificationRead").WithSummary("Marks one of the caller's notifications read; 404 for an unknown id or someone else's.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/read-all", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(new UnreadCount(await mediator.Send(new MarkAllNotificationsRead(), ct))))
            .WithName("MarkAllNotificationsRead").WithSummary("Marks all of the caller's notifications read; answers how many were unread.");
    }

    /// <summary>A number of notifications.</summary>
    internal sealed record UnreadCount(int Count);
}
