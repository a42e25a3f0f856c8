using Alliance.Members.Contracts;
using Alliance.Shared.Contracts;
using Alliance.Shared.Web;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Alliance.Members.Organizations;

internal static class OrganizationEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapModuleApi("members", "Members").MapGroup("/organizations");

        api.MapGet("/", async Task<Ok<PagedResult<OrganizationListItem>>> (
                IMediator mediator, string? search, PartnerGroup? partnerGroup, string? district, SizeClass? sizeClass,
                bool? includeInactive, int? page, int? pageSize, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new ListOrganizations(search, partnerGroup, district, sizeClass,
                includeInactive ?? false, page ?? 1, pageSize ?? Paging.DefaultPageSize), ct)))
            .WithName("ListOrganizations")
            .WithSummary("Lists member organisations (paged, searchable, filterable).");

        api.MapPost("/", async Task<Created<IdResponse>> (IMediator mediator, CreateOrganization command, CancellationToken ct) =>
            {
                var id = await mediator.Send(command, ct);
                return TypedResults.Created($"/api/members/organizations/{id}", new IdResponse(id));
            })
            .RequireAuthorization(Policies.Staff)
            .WithName("CreateOrganization")
            .WithSummary("Creates a member organisation (staff).")
            .ProducesValidationProblem();
    }
}

internal sealed record IdResponse(Guid Id);
