using Alliance.Members.Organizations;
using Alliance.Shared.Contracts;
using Alliance.Shared.Web;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Alliance.Members.People;

internal static class PeopleEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapModuleApi("members", "Members").MapGroup("/people");

        api.MapGet("/", async Task<Ok<PagedResult<PersonListItem>>> (
                IMediator mediator, string? search, Guid? organizationId, int? page, int? pageSize, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new ListPeople(search, organizationId, page ?? 1, pageSize ?? Paging.DefaultPageSize), ct)))
            .WithName("ListPeople")
            .WithSummary("Lists people (paged; search by name or e-mail; filter by organisation). Names of other organisations' people only with their consent.");

        api.MapGet("/{id:guid}", async Task<Ok<PersonDetails>> (IMediator mediator, Guid id, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetPerson(id), ct)))
            .WithName("GetPerson")
            .WithSummary("One person as the caller may see them.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/", async Task<Created<IdResponse>> (IMediator mediator, CreatePerson command, CancellationToken ct) =>
            {
                var id = await mediator.Send(command, ct);
                return TypedResults.Created($"/api/members/people/{id}", new IdResponse(id));
            })
            .RequireAuthorization(Policies.Staff)
            .WithName("CreatePerson")
            .WithSummary("Adds a person to the directory (staff).")
            .ProducesValidationProblem();

        api.MapPut("/{id:guid}", async Task<NoContent> (IMediator mediator, Guid id, UpdatePerson command, CancellationToken ct) =>
            {
                await mediator.Send(command with { Id = id }, ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.Staff)
            .WithName("UpdatePerson")
            .WithSummary("Updates a person (staff). 409 when the version is stale.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}
