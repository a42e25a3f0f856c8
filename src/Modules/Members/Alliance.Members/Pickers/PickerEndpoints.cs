using Alliance.Shared.Components;
using Alliance.Shared.Contracts;
using Alliance.Shared.Web;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Alliance.Members.Pickers;

internal static class PickerEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapModuleApi("members", "Members");

        api.MapGet("/people/search", async Task<Ok<PagedResult<PickerChoice>>> (IMediator mediator, string? q, int? page, int? pageSize, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new SearchPeople(q, page ?? 1, pageSize ?? PickerLimits.Results), ct)))
            .WithName("SearchPeople")
            .WithSummary("People whose name contains q, for pickers (paged, at most 20 a page; only people whose name the caller may see).")
            .ProducesValidationProblem();

        api.MapGet("/organizations/search", async Task<Ok<PagedResult<PickerChoice>>> (IMediator mediator, string? q, int? page, int? pageSize, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new SearchOrganizations(q, page ?? 1, pageSize ?? PickerLimits.Results), ct)))
            .WithName("SearchOrganizations")
            .WithSummary("Active member organisations whose name contains q, for pickers (paged, at most 20 a page).")
            .ProducesValidationProblem();
    }
}
