using Alliance.Shared.Components;
using Alliance.Shared.Contracts;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Alliance.Labs.Pickers;

internal static class PickerEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/search", async Task<Ok<PagedResult<PickerChoice>>> (IMediator mediator, string? q, int? page, int? pageSize, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new SearchLabs(q, page ?? 1, pageSize ?? PickerLimits.Results), ct)))
            .WithName("SearchLabs")
            .WithSummary("Labs and programmes not concluded whose title contains q, for pickers (paged, at most 20 a page; the action field as hint).")
            .ProducesValidationProblem();

        api.MapGet("/proposals/search", async Task<Ok<PagedResult<PickerChoice>>> (IMediator mediator, string? q, int? page, int? pageSize, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new SearchProposals(q, page ?? 1, pageSize ?? PickerLimits.Results), ct)))
            .WithName("SearchProposals")
            .WithSummary("Topic proposals not merged whose title contains q, for pickers (paged, at most 20 a page; the proposing organisation as hint).")
            .ProducesValidationProblem();

        api.MapGet("/offers/search", async Task<Ok<PagedResult<PickerChoice>>> (IMediator mediator, string? q, int? page, int? pageSize, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new SearchOffers(q, page ?? 1, pageSize ?? PickerLimits.Results), ct)))
            .WithName("SearchOffers")
            .WithSummary("Open offers whose title contains q, for a need's match form (paged, at most 20 a page; the offering organisation as hint).")
            .ProducesValidationProblem();

        api.MapGet("/{labId:guid}/action-item-owners/search", async Task<Ok<PagedResult<PickerChoice>>> (IMediator mediator, Guid labId, string? q, int? page, int? pageSize, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new SearchActionItemOwners(labId, q, page ?? 1, pageSize ?? PickerLimits.Results), ct)))
            .WithName("SearchActionItemOwners")
            .WithSummary("Contacts of the lab's member organisations whose name contains q and whose name the caller may read, for the owner of a new action item (the lab's coordinators and staff; paged, at most 20 a page; the organisation as hint).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
    }
}
