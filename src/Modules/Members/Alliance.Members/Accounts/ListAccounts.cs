using Alliance.Members.Persistence;
using Alliance.Shared.Contracts;
using Alliance.Shared.Errors;
using Alliance.Shared.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Members.Accounts;

/// <summary>The accounts for administrators: who, which organisation, roles, locked, last login; search by name or e-mail.</summary>
[AllowedFor(Who.Administrator)]
internal sealed record ListAccounts(string? Search = null, int Page = 1, int PageSize = Paging.DefaultPageSize) : IRequest<PagedResult<AccountListItem>>;

internal sealed record AccountListItem(
    Guid Id,
    Guid PersonId,
    string Name,
    string? Email,
    string? OrganizationName,
    IReadOnlyList<string> Roles,
    bool IsLockedOut,
    DateTimeOffset? LockoutEnd,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastLoginAt);

internal sealed class ListAccountsHandler(MembersDbContext db, TimeProvider clock)
    : IRequestHandler<ListAccounts, PagedResult<AccountListItem>>
{
    public Task<PagedResult<AccountListItem>> Handle(ListAccounts request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var query =
            from account in db.Users.AsNoTracking()
            join person in db.People on account.PersonId equals person.Id
            select new { account, person };

        if (!string.IsNullOrWhiteSpace(request.Search))
        {
            var pattern = $"%{Like.Escape(request.Search.Trim())}%";
            query = query.Where(x => EF.Functions.ILike(x.person.FirstName + " " + x.person.LastName, pattern, "\\")
                || EF.Functions.ILike(x.account.Email ?? "", pattern, "\\"));
        }

        return query
            .OrderBy(x => x.person.LastName).ThenBy(x => x.person.FirstName).ThenBy(x => x.account.Id)
            .Select(x => new AccountListItem(
                x.account.Id,
                x.person.Id,
                x.person.FirstName + " " + x.person.LastName,
                x.account.Email,
                x.person.Organization != null ? x.person.Organization.Name : null,
                db.UserRoles.Where(r => r.UserId == x.account.Id)
                    .Join(db.Roles, link => link.RoleId, role => role.Id, (_, role) => role.Name!)
                    .OrderBy(name => name)
                    .ToList(),
                x.account.LockoutEnd != null && x.account.LockoutEnd > now,
                x.account.LockoutEnd,
                x.account.CreatedAt,
                x.account.LastLoginAt))
            .ToPagedResultAsync(request.Page, request.PageSize, cancellationToken);
    }
}

/// <summary>Search text used in LIKE patterns: % and _ match themselves.</summary>
internal static class Like
{
    public static string Escape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
