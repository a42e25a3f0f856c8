using Alliance.Labs.Domain;
using Alliance.Shared.Contracts;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Alliance.Labs.Programmes;

internal static class ProgrammeEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/{labId:guid}/programme", (IMediator mediator, Guid labId, ParticipantStatus? status, bool? dueOnly, int? page, int? pageSize, CancellationToken ct) => Reply.Ok(mediator.Send(new GetProgramme(labId, status, dueOnly ?? false, page ?? 1, pageSize ?? Paging.DefaultPageSize), ct)))
            .WithName("GetProgramme").WithSummary("A programme's funnel and participants (staff or coordinator).").ProducesProblem(StatusCodes.Status404NotFound);

        // A participant is a row of the programme's list (GetProgramme, same readers as who may add one).
        api.MapPost("/{labId:guid}/participants", (IMediator mediator, Guid labId, AddParticipant command, CancellationToken ct) => Reply.Created(mediator.Send(command with { LabId = labId }, ct), _ => $"/api/labs/{labId}/programme"))
            .WithName("AddParticipant").WithSummary("Adds a participant to a programme (staff or coordinator).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        api.MapPost("/participants/{participantId:guid}/contacts", (IMediator mediator, Guid participantId, RecordParticipantContact command, CancellationToken ct) => Reply.NoContent(mediator.Send(command with { ParticipantId = participantId }, ct)))
            .WithName("RecordParticipantContact").WithSummary("Records a contact: status then, note and next follow-up date.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }
}
