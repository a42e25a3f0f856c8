using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Alliance.Labs.Outcomes;

internal static class OutcomeEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/{labId:guid}/outcomes", async Task<Created<IdResponse>> (IMediator mediator, Guid labId, CreateOutcome command, CancellationToken ct) =>
            {
                var id = await mediator.Send(command with { LabId = labId }, ct);
                return TypedResults.Created($"/api/labs/outcomes/{id}", new IdResponse(id));
            })
            .WithName("CreateOutcome").WithSummary("Records an outcome of a lab: concept, recommendation or pilot (coordinator or staff).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        api.MapGet("/outcomes/{outcomeId:guid}", async Task<Ok<OutcomeView>> (IMediator mediator, Guid outcomeId, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetOutcome(outcomeId), ct)))
            .WithName("GetOutcome").WithSummary("One outcome with partners and its timeline of progress notes.").ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/outcomes/{outcomeId:guid}/progress", async Task<NoContent> (IMediator mediator, Guid outcomeId, UpdateOutcomeProgress command, CancellationToken ct) =>
            {
                await mediator.Send(command with { OutcomeId = outcomeId }, ct);
                return TypedResults.NoContent();
            })
            .WithName("UpdateOutcomeProgress").WithSummary("Sets an outcome's status and percent, optionally with a dated progress note.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }
}
