using Alliance.Labs.Domain;
using Alliance.Shared.Contracts;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Alliance.Labs.Matching;

internal static class MatchingEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/needs", (IMediator mediator, bool? includeClosed, int? page, int? pageSize, CancellationToken ct) => Reply.Ok(mediator.Send(new ListNeeds(includeClosed ?? false, page ?? 1, pageSize ?? Paging.DefaultPageSize), ct)))
            .WithName("ListNeeds").WithSummary("Lists needs (paged, newest first).");

        api.MapGet("/needs/{needId:guid}", (IMediator mediator, Guid needId, CancellationToken ct) => Reply.Ok(mediator.Send(new GetNeed(needId), ct)))
            .WithName("GetNeed").WithSummary("One need with its matches.").ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/needs", (IMediator mediator, PostNeed command, CancellationToken ct) => Reply.Created(mediator.Send(command, ct), id => $"/api/labs/needs/{id}"))
            .WithName("PostNeed").WithSummary("Posts a need of the caller's organisation.").ProducesValidationProblem();

        api.MapGet("/offers", (IMediator mediator, Guid? exceptOrganizationId, int? page, int? pageSize, CancellationToken ct) => Reply.Ok(mediator.Send(new ListOffers(exceptOrganizationId, page ?? 1, pageSize ?? Paging.DefaultPageSize), ct)))
            .WithName("ListOffers").WithSummary("Lists open offers (paged, newest first).");

        api.MapGet("/offers/{offerId:guid}", (IMediator mediator, Guid offerId, CancellationToken ct) => Reply.Ok(mediator.Send(new GetOffer(offerId), ct)))
            .WithName("GetOffer").WithSummary("One offer, open or withdrawn, with its number of matches.").ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/offers", (IMediator mediator, PostOffer command, CancellationToken ct) => Reply.Created(mediator.Send(command, ct), id => $"/api/labs/offers/{id}"))
            .WithName("PostOffer").WithSummary("Posts an offer of the caller's organisation.").ProducesValidationProblem();

        api.MapPost("/needs/{needId:guid}/close", (IMediator mediator, Guid needId, CancellationToken ct) => Reply.NoContent(mediator.Send(new CloseNeed(needId), ct)))
            .WithName("CloseNeed").WithSummary("Closes a need (its organisation or staff).").ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/offers/{offerId:guid}/close", (IMediator mediator, Guid offerId, CancellationToken ct) => Reply.NoContent(mediator.Send(new CloseOffer(offerId), ct)))
            .WithName("CloseOffer").WithSummary("Withdraws an offer (its organisation or staff).").ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/needs/{needId:guid}/matches", (IMediator mediator, Guid needId, MatchBody body, CancellationToken ct) => Reply.Ok(mediator.Send(new MatchNeed(needId, body.OfferIds ?? []), ct)))
            .WithName("MatchNeed").WithSummary("Matches a need with offers of other organisations (staff or the lab's coordinator); both sides are e-mailed.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        api.MapPut("/matches/{matchId:guid}/outcome", (IMediator mediator, Guid matchId, OutcomeBody body, CancellationToken ct) => Reply.NoContent(mediator.Send(new RecordMatchOutcome(matchId, body.Outcome, body.Note), ct)))
            .WithName("RecordMatchOutcome").WithSummary("Records what came of a match: done or not realised.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
    }

    internal sealed record MatchBody(IReadOnlyList<Guid>? OfferIds);

    internal sealed record OutcomeBody(MatchOutcome Outcome, string? Note);
}
