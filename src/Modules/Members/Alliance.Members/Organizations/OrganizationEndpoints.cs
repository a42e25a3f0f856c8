using Alliance.Members.Contracts;
using Alliance.Shared.Contracts;
using Alliance.Shared.Exports;
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
            .WithSummary("Lists member organisations (paged, searchable, filterable; inactive ones for staff only).");

        api.MapGet("/export.csv", async Task<IResult> (
                IMediator mediator, string? search, PartnerGroup? partnerGroup, string? district, SizeClass? sizeClass,
                bool? includeInactive, CancellationToken ct) =>
                (await mediator.Send(new ExportOrganizations(search, partnerGroup, district, sizeClass, includeInactive ?? false), ct)).ToResult(ct))
            .RequireAuthorization(Policies.Staff)
            .WithName("ExportOrganizations")
            .WithSummary("Exports the filtered organisations as CSV (staff; UTF-8 with BOM, ';' separated, localized headers).");

        api.MapGet("/{id:guid}", async Task<Ok<OrganizationDetails>> (IMediator mediator, Guid id, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetOrganization(id), ct)))
            .WithName("GetOrganization")
            .WithSummary("One organisation with all fields, its version and what the caller may do.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/", async Task<Created<IdResponse>> (IMediator mediator, CreateOrganization command, CancellationToken ct) =>
            {
                var id = await mediator.Send(command, ct);
                return TypedResults.Created($"/api/members/organizations/{id}", new IdResponse(id));
            })
            .RequireAuthorization(Policies.Staff)
            .WithName("CreateOrganization")
            .WithSummary("Creates a member organisation (staff).")
            .ProducesValidationProblem();

        api.MapPut("/{id:guid}", async Task<NoContent> (IMediator mediator, Guid id, UpdateOrganization command, CancellationToken ct) =>
            {
                await mediator.Send(command with { Id = id }, ct);
                return TypedResults.NoContent();
            })
            .WithName("UpdateOrganization")
            .WithSummary("Updates an organisation (staff; representatives their own, without partner group and membership dates). 409 when the version is stale.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        api.MapPost("/{id:guid}/deactivate", async Task<NoContent> (IMediator mediator, Guid id, CancellationToken ct) =>
            {
                await mediator.Send(new SetOrganizationActive(id, false), ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.Staff)
            .WithName("DeactivateOrganization")
            .WithSummary("Marks an organisation as no longer a member (staff).")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/{id:guid}/reactivate", async Task<NoContent> (IMediator mediator, Guid id, CancellationToken ct) =>
            {
                await mediator.Send(new SetOrganizationActive(id, true), ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.Staff)
            .WithName("ReactivateOrganization")
            .WithSummary("Makes a former member organisation active again (staff).")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}

internal sealed record IdResponse(Guid Id);
