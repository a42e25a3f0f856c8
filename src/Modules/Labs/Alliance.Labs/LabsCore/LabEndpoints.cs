using Alliance.Labs.Contracts;
using Alliance.Shared.Contracts;
using Alliance.Shared.Web;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Alliance.Labs.LabsCore;

internal static class LabEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/", async Task<Ok<PagedResult<LabListItem>>> (
                IMediator mediator, Guid? actionFieldId, LabStatus? status, LabKind? kind, bool? mine, int? page, int? pageSize, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListLabs(actionFieldId, status, kind, mine ?? false, page ?? 1, pageSize ?? Paging.DefaultPageSize), ct)))
            .WithName("ListLabs").WithSummary("Lists labs (paged), filterable by action field, status, kind and own membership.");

        api.MapGet("/{labId:guid}", async Task<Ok<LabPage>> (IMediator mediator, Guid labId, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetLabPage(labId), ct)))
            .WithName("GetLab").WithSummary("One lab with members, partner-group mix, requests, proposals, outcomes, open action items and history.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/", async Task<Created<IdResponse>> (IMediator mediator, CreateLab command, CancellationToken ct) =>
            {
                var id = await mediator.Send(command, ct);
                return TypedResults.Created($"/api/labs/{id}", new IdResponse(id));
            })
            .RequireAuthorization(Policies.Staff)
            .WithName("CreateLab").WithSummary("Opens a lab or programme (staff).").ProducesValidationProblem();

        api.MapPut("/{labId:guid}", async Task<NoContent> (IMediator mediator, Guid labId, UpdateLab command, CancellationToken ct) =>
            {
                await mediator.Send(command with { LabId = labId }, ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.Staff)
            .WithName("UpdateLab").WithSummary("Edits a lab (staff); 409 when concluded or stale.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        api.MapPost("/{labId:guid}/status", async Task<NoContent> (IMediator mediator, Guid labId, StatusBody body, CancellationToken ct) =>
            {
                await mediator.Send(new ChangeLabStatus(labId, body.Status), ct);
                return TypedResults.NoContent();
            })
            .WithName("ChangeLabStatus").WithSummary("Moves a lab through its lifecycle (staff or coordinator); recorded with who and when.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    internal sealed record StatusBody(LabStatus Status);
}
