using Alliance.Shared.Contracts;
using Alliance.Shared.Web;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Alliance.Shared.Messaging.FailedMessages;

/// <summary><c>/api/admin/messages</c>: administrators list failed messages and replay or discard them.</summary>
public static class FailedMessagesEndpoints
{
    public static IEndpointRouteBuilder MapFailedMessagesApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapModuleApi("admin/messages", "Administration").RequireAuthorization(Policies.Administrator);

        api.MapGet("/", async Task<Ok<PagedResult<FailedMessage>>> (IMediator mediator, int? page, int? pageSize, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListFailedMessages(page ?? 1, pageSize ?? Paging.DefaultPageSize), ct)))
            .WithName("ListFailedMessages").WithSummary("Failed messages of every module's outbox, oldest first (administrators).");

        api.MapPost("/{module}/{id:guid}/replay", async Task<NoContent> (IMediator mediator, string module, Guid id, CancellationToken ct) =>
            {
                await mediator.Send(new ReplayFailedMessage(module, id), ct);
                return TypedResults.NoContent();
            })
            .WithName("ReplayFailedMessage").WithSummary("Delivers a failed message again: pending, attempts reset (administrators).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        api.MapPost("/{module}/{id:guid}/discard", async Task<NoContent> (IMediator mediator, string module, Guid id, CancellationToken ct) =>
            {
                await mediator.Send(new DiscardFailedMessage(module, id), ct);
                return TypedResults.NoContent();
            })
            .WithName("DiscardFailedMessage").WithSummary("Marks a failed message discarded; it is never delivered (administrators).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        return endpoints;
    }
}
