using Alliance.Labs.Domain;
using Alliance.Shared.Contracts;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Alliance.Labs.ActionItems;

internal static class ActionItemEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/{labId:guid}/action-items", async Task<Created<IdResponse>> (IMediator mediator, Guid labId, CreateActionItem command, CancellationToken ct) =>
            {
                var id = await mediator.Send(command with { LabId = labId }, ct);
                return TypedResults.Created($"/api/labs/action-items/{id}", new IdResponse(id));
            })
            .WithName("CreateActionItem").WithSummary("Adds an action item to a lab (coordinator or staff); the due date may not be in the past.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        api.MapGet("/action-items/mine", async Task<Ok<PagedResult<MyActionItem>>> (IMediator mediator, bool? includeClosed, int? page, int? pageSize, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListMyActionItems(includeClosed ?? false, page ?? 1, pageSize ?? Paging.DefaultPageSize), ct)))
            .WithName("ListMyActionItems").WithSummary("The caller's action items and those of their organisation (paged).");

        api.MapPut("/action-items/{actionItemId:guid}/status", async Task<NoContent> (IMediator mediator, Guid actionItemId, StatusBody body, CancellationToken ct) =>
            {
                await mediator.Send(new SetActionItemStatus(actionItemId, body.Status), ct);
                return TypedResults.NoContent();
            })
            .WithName("SetActionItemStatus").WithSummary("Marks an action item open, done or dropped (owner, coordinator or staff).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
    }

    internal sealed record StatusBody(ActionItemStatus Status);
}
