using Alliance.Labs.Contracts;
using Alliance.Shared.Contracts;
using Alliance.Shared.Web;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Alliance.Labs.LabsCore;

internal static class LabEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/", (IMediator mediator, Guid? actionFieldId, LabStatus? status, LabKind? kind, bool? mine, int? page, int? pageSize, CancellationToken ct) => Reply.Ok(mediator.Send(new ListLabs(actionFieldId, status, kind, mine ?? false, page ?? 1, pageSize ?? Paging.DefaultPageSize), ct)))
            .WithName("ListLabs").WithSummary("Lists labs (paged), filterable by action field, status, kind and own membership.");

        api.MapGet("/{labId:guid}", (IMediator mediator, Guid labId, CancellationToken ct) => Reply.Ok(mediator.Send(new GetLabPage(labId), ct)))
            .WithName("GetLab").WithSummary("One lab with members, partner-group mix, requests, proposals, outcomes, open action items, history and what the caller may do.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/", (IMediator mediator, CreateLab command, CancellationToken ct) => Reply.Created(mediator.Send(command, ct), id => $"/api/labs/{id}"))
            .RequireAuthorization(Policies.Staff)
            .WithName("CreateLab").WithSummary("Opens a lab or programme (staff).").ProducesValidationProblem();

        api.MapPut("/{labId:guid}", (IMediator mediator, Guid labId, UpdateLab command, CancellationToken ct) => Reply.NoContent(mediator.Send(command with { LabId = labId }, ct)))
            .RequireAuthorization(Policies.Staff)
            .WithName("UpdateLab").WithSummary("Edits a lab (staff); 409 when concluded or stale.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        api.MapPost("/{labId:guid}/status", (IMediator mediator, Guid labId, StatusBody body, CancellationToken ct) => Reply.NoContent(mediator.Send(new ChangeLabStatus(labId, body.Status), ct)))
            .WithName("ChangeLabStatus").WithSummary("Moves a lab through its lifecycle (staff or coordinator); recorded with who and when.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    internal sealed record StatusBody(LabStatus Status);
}
