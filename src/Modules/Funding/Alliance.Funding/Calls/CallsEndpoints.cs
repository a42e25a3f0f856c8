using Alliance.Shared.Contracts;
using Alliance.Shared.Web;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Alliance.Funding.Calls;

internal static class CallsEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var staff = api.MapGroup("/calls").RequireAuthorization(Policies.Staff);
        staff.MapGet("/", (IMediator mediator, bool? past, int? page, int? pageSize, CancellationToken ct) => Reply.Ok(mediator.Send(new ListCalls(past ?? false, page ?? 1, pageSize ?? Paging.DefaultPageSize), ct)))
            .WithName("ListCalls").WithSummary("The calls radar: open calls by deadline, or past ones (staff).");
        staff.MapGet("/search", async Task<Microsoft.AspNetCore.Http.HttpResults.Ok<PagedResult<Alliance.Shared.Components.PickerChoice>>> (IMediator mediator, string? q, int? page, int? pageSize, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Pickers.SearchCalls(q, page ?? 1, pageSize ?? Alliance.Shared.Components.PickerLimits.Results), ct)))
            .WithName("SearchCalls").WithSummary("Open calls whose title, funder or programme contains q, for the call picker (paged, at most 20 a page; staff).")
            .ProducesValidationProblem();
        staff.MapGet("/{callId:guid}", (IMediator mediator, Guid callId, CancellationToken ct) => Reply.Ok(mediator.Send(new GetCall(callId), ct)))
            .WithName("GetCall").WithSummary("One call (staff).").ProducesProblem(StatusCodes.Status404NotFound);
        staff.MapPost("/", (IMediator mediator, CreateCall command, CancellationToken ct) => Reply.Created(mediator.Send(command, ct), id => $"/api/funding/calls/{id}"))
            .WithName("CreateCall").WithSummary("Records a call (staff).").ProducesValidationProblem();
        staff.MapPut("/{callId:guid}", (IMediator mediator, Guid callId, UpdateCall command, CancellationToken ct) => Reply.NoContent(mediator.Send(command with { CallId = callId }, ct)))
            .WithName("UpdateCall").WithSummary("Changes a call; 409 when stale (staff).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        staff.MapDelete("/{callId:guid}", (IMediator mediator, Guid callId, CancellationToken ct) => Reply.NoContent(mediator.Send(new DeleteCall(callId), ct)))
            .WithName("DeleteCall").WithSummary("Removes a call without applications (staff).")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }
}
