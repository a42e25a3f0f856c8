using Alliance.Labs.Domain;
using Alliance.Shared.Contracts;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Alliance.Labs.ActionItems;

internal static class ActionItemEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/{labId:guid}/action-items", (IMediator mediator, Guid labId, CreateActionItem command, CancellationToken ct) => Reply.Created(mediator.Send(command with { LabId = labId }, ct), id => $"/api/labs/action-items/{id}"))
            .WithName("CreateActionItem").WithSummary("Adds an action item to a lab (coordinator or staff); the due date may not be in the past.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        api.MapGet("/action-items/mine", (IMediator mediator, bool? includeClosed, int? page, int? pageSize, CancellationToken ct) => Reply.Ok(mediator.Send(new ListMyActionItems(includeClosed ?? false, page ?? 1, pageSize ?? Paging.DefaultPageSize), ct)))
            .WithName("ListMyActionItems").WithSummary("The caller's action items and those of their organisation (paged).");

        api.MapGet("/action-items/{actionItemId:guid}", (IMediator mediator, Guid actionItemId, CancellationToken ct) => Reply.Ok(mediator.Send(new GetActionItem(actionItemId), ct)))
            .WithName("GetActionItem").WithSummary("One action item: owner (names as the caller may read them), due date, status, source and whether the caller may change its status; 403 for an item of no lab the caller does not own.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPut("/action-items/{actionItemId:guid}/status", (IMediator mediator, Guid actionItemId, StatusBody body, CancellationToken ct) => Reply.NoContent(mediator.Send(new SetActionItemStatus(actionItemId, body.Status), ct)))
            .WithName("SetActionItemStatus").WithSummary("Marks an action item open, done or dropped (owner, coordinator or staff).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
    }

    internal sealed record StatusBody(ActionItemStatus Status);
}
