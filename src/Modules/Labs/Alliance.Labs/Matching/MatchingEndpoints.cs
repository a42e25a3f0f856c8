using Alliance.Labs.Domain;
using Alliance.Shared.Contracts;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Alliance.Labs.Matching;

internal static class MatchingEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/needs", async Task<Ok<PagedResult<NeedListItem>>> (IMediator mediator, bool? includeClosed, int? page, int? pageSize, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListNeeds(includeClosed ?? false, page ?? 1, pageSize ?? Paging.DefaultPageSize), ct)))
            .WithName("ListNeeds").WithSummary("Lists needs (paged, newest first).");

        api.MapGet("/needs/{needId:guid}", async Task<Ok<NeedView>> (IMediator mediator, Guid needId, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetNeed(needId), ct)))
            .WithName("GetNeed").WithSummary("One need with its matches.").ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/needs", async Task<Created<IdResponse>> (IMediator mediator, PostNeed command, CancellationToken ct) =>
            {
                var id = await mediator.Send(command, ct);
                return TypedResults.Created($"/api/labs/needs/{id}", new IdResponse(id));
            })
            .WithName("PostNeed").WithSummary("Posts a need of the caller's organisation.").ProducesValidationProblem();

        api.MapGet("/offers", async Task<Ok<PagedResult<OfferListItem>>> (IMediator mediator, Guid? exceptOrganizationId, int? page, int? pageSize, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListOffers(exceptOrganizationId, page ?? 1, pageSize ?? Paging.DefaultPageSize), ct)))
            .WithName("ListOffers").WithSummary("Lists open offers (paged, newest first).");

        api.MapPost("/offers", async Task<Created<IdResponse>> (IMediator mediator, PostOffer command, CancellationToken ct) =>
            {
                var id = await mediator.Send(command, ct);
                return TypedResults.Created($"/api/labs/offers/{id}", new IdResponse(id));
            })
            .WithName("PostOffer").WithSummary("Posts an offer of the caller's organisation.").ProducesValidationProblem();

        api.MapPost("/needs/{needId:guid}/close", async Task<NoContent> (IMediator mediator, Guid needId, CancellationToken ct) =>
            {
                await mediator.Send(new CloseNeed(needId), ct);
                return TypedResults.NoContent();
            })
            .WithName("CloseNeed").WithSummary("Closes a need (its organisation or staff).").ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/offers/{offerId:guid}/close", async Task<NoContent> (IMediator mediator, Guid offerId, CancellationToken ct) =>
            {
                await mediator.Send(new CloseOffer(offerId), ct);
                return TypedResults.NoContent();
            })
            .WithName("CloseOffer").WithSummary("Withdraws an offer (its organisation or staff).").ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/needs/{needId:guid}/matches", async Task<Ok<IReadOnlyList<Guid>>> (IMediator mediator, Guid needId, MatchBody body, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new MatchNeed(needId, body.OfferIds ?? []), ct)))
            .WithName("MatchNeed").WithSummary("Matches a need with offers of other organisations (staff or the lab's coordinator); both sides are e-mailed.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        api.MapPut("/matches/{matchId:guid}/outcome", async Task<NoContent> (IMediator mediator, Guid matchId, OutcomeBody body, CancellationToken ct) =>
            {
                await mediator.Send(new RecordMatchOutcome(matchId, body.Outcome, body.Note), ct);
                return TypedResults.NoContent();
            })
            .WithName("RecordMatchOutcome").WithSummary("Records what came of a match: done or not realised.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
    }

    internal sealed record MatchBody(IReadOnlyList<Guid>? OfferIds);

    internal sealed record OutcomeBody(MatchOutcome Outcome, string? Note);
}
