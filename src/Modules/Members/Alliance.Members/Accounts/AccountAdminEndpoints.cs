using Alliance.Shared.Contracts;
using Alliance.Shared.Web;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Alliance.Members.Accounts;

internal static class AccountAdminEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapModuleApi("members", "Members").MapGroup("/accounts").RequireAuthorization(Policies.Administrator);

        api.MapGet("/", async Task<Ok<PagedResult<AccountListItem>>> (IMediator mediator, string? search, int? page, int? pageSize, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListAccounts(search, page ?? 1, pageSize ?? Paging.DefaultPageSize), ct)))
            .WithName("ListAccounts")
            .WithSummary("Lists user accounts with person, organisation, roles, lockout and last login (administrators).");

        api.MapGet("/{id:guid}", async Task<Ok<AccountListItem>> (IMediator mediator, Guid id, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetAccount(id), ct)))
            .WithName("GetAccount")
            .WithSummary("One user account (administrators).")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPut("/{id:guid}/roles", async Task<NoContent> (IMediator mediator, Guid id, RolesBody body, CancellationToken ct) =>
            {
                await mediator.Send(new ChangeAccountRoles(id, body.Roles), ct);
                return TypedResults.NoContent();
            })
            .WithName("ChangeAccountRoles")
            .WithSummary("Sets the roles of an account; administrators cannot remove their own Administrator role (409).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        api.MapPost("/{id:guid}/unlock", async Task<NoContent> (IMediator mediator, Guid id, CancellationToken ct) =>
            {
                await mediator.Send(new UnlockAccount(id), ct);
                return TypedResults.NoContent();
            })
            .WithName("UnlockAccount")
            .WithSummary("Ends a lockout after failed sign-ins (administrators).")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}

internal sealed record RolesBody(IReadOnlyList<string>? Roles);
