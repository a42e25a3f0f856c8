using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Alliance.Labs.Outcomes;

internal static class OutcomeEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/{labId:guid}/outcomes", (IMediator mediator, Guid labId, CreateOutcome command, CancellationToken ct) => Reply.Created(mediator.Send(command with { LabId = labId }, ct), id => $"/api/labs/outcomes/{id}"))
            .WithName("CreateOutcome").WithSummary("Records an outcome of a lab: concept, recommendation or pilot (coordinator or staff).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        api.MapGet("/outcomes/{outcomeId:guid}", (IMediator mediator, Guid outcomeId, CancellationToken ct) => Reply.Ok(mediator.Send(new GetOutcome(outcomeId), ct)))
            .WithName("GetOutcome").WithSummary("One outcome with partners and its timeline of progress notes.").ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/outcomes/{outcomeId:guid}/progress", (IMediator mediator, Guid outcomeId, UpdateOutcomeProgress command, CancellationToken ct) => Reply.NoContent(mediator.Send(command with { OutcomeId = outcomeId }, ct)))
            .WithName("UpdateOutcomeProgress").WithSummary("Sets an outcome's status and percent, optionally with a dated progress note.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }
}
