using Alliance.Labs.Domain;
using Alliance.Shared.Contracts;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Alliance.Labs.Programmes;

internal static class ProgrammeEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/{labId:guid}/programme", async Task<Ok<ProgrammeView>> (
                IMediator mediator, Guid labId, ParticipantStatus? status, bool? dueOnly, int? page, int? pageSize, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetProgramme(labId, status, dueOnly ?? false, page ?? 1, pageSize ?? Paging.DefaultPageSize), ct)))
            .WithName("GetProgramme").WithSummary("A programme's funnel and participants (staff or coordinator).").ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/{labId:guid}/participants", async Task<Created<IdResponse>> (IMediator mediator, Guid labId, AddParticipant command, CancellationToken ct) =>
            {
                var id = await mediator.Send(command with { LabId = labId }, ct);
                return TypedResults.Created($"/api/labs/{labId}/programme", new IdResponse(id));
            })
            .WithName("AddParticipant").WithSummary("Adds a participant to a programme (staff or coordinator).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        api.MapPost("/participants/{participantId:guid}/contacts", async Task<NoContent> (IMediator mediator, Guid participantId, RecordParticipantContact command, CancellationToken ct) =>
            {
                await mediator.Send(command with { ParticipantId = participantId }, ct);
                return TypedResults.NoContent();
            })
            .WithName("RecordParticipantContact").WithSummary("Records a contact: status then, note and next follow-up date.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }
}
