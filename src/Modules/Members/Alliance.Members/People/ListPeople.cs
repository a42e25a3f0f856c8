using Alliance.Members.Organizations;
using Alliance.Members.Persistence;
using Alliance.Shared.Contracts;
using Alliance.Shared.Persistence;
using Alliance.Shared.Security;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Members.People;

/// <summary>
/// The directory of people: search by name or e-mail, filter by organisation, paged. Applies the
/// <see cref="DirectoryRule"/>: hidden names come back as null with <see cref="PersonListItem.NameShared"/> false.
/// </summary>
internal sealed record ListPeople(
    string? Search = null,
    Guid? OrganizationId = null,
    int Page = 1,
    int PageSize = Paging.DefaultPageSize) : IRequest<PagedResult<PersonListItem>>;

internal sealed record PersonListItem(
    Guid Id,
    string? Name,
    bool NameShared,
    string? Email,
    string? Phone,
    string? Function,
    Guid? OrganizationId,
    string? OrganizationName,
    bool HasAccount);

internal sealed class ListPeopleHandler(MembersDbContext db, ICurrentUser user) : IRequestHandler<ListPeople, PagedResult<PersonListItem>>
{
    public async Task<PagedResult<PersonListItem>> Handle(ListPeople request, CancellationToken cancellationToken)
    {
        var query = db.People.AsNoTracking().Where(p => p.ErasedAt == null);
        // Guid.Empty matches nobody: a member without an organisation has no "own" people.
        var own = user.OrganizationId ?? Guid.Empty;
        if (!user.IsStaff)
        {
            // Other members see only people of active organisations (and their own organisation's people).
            query = query.Where(p => p.OrganizationId == own || (p.Organization != null && p.Organization.IsActive));
        }

        if (request.OrganizationId is { } organizationId)
        {
            query = query.Where(p => p.OrganizationId == organizationId);
        }

        if (!string.IsNullOrWhiteSpace(request.Search))
        {
            var pattern = $"%{OrganizationQueries.EscapeLike(request.Search.Trim())}%";
            if (user.IsStaff)
            {
                query = query.Where(p => EF.Functions.ILike(p.FirstName + " " + p.LastName, pattern, "\\")
                    || EF.Functions.ILike(p.Email ?? "", pattern, "\\"));
            }
            else
            {
                // Searching must not reveal what is hidden: names only where shared, e-mail only in the own organisation.
                query = query.Where(p =>
                    ((p.ConsentNameVisible || p.OrganizationId == own) && EF.Functions.ILike(p.FirstName + " " + p.LastName, pattern, "\\"))
                    || (p.OrganizationId == own && EF.Functions.ILike(p.Email ?? "", pattern, "\\")));
            }
        }

        var page = await query
            .OrderBy(p => p.LastName).ThenBy(p => p.FirstName).ThenBy(p => p.Id)
            .Select(p => new
            {
                p.Id, p.FirstName, p.LastName, p.Email, p.Phone, p.Function, p.OrganizationId, p.ConsentNameVisible,
                OrganizationName = p.Organization != null ? p.Organization.Name : null,
                HasAccount = db.Users.Any(u => u.PersonId == p.Id),
            })
            .ToPagedResultAsync(request.Page, request.PageSize, cancellationToken);

        var items = page.Items.Select(p =>
        {
            var nameShared = DirectoryRule.SeesName(user, p.OrganizationId, p.ConsentNameVisible);
            var contact = DirectoryRule.SeesContactDetails(user, p.OrganizationId);
            return new PersonListItem(
                p.Id,
                nameShared ? $"{p.FirstName} {p.LastName}".Trim() : null,
                nameShared,
                contact ? p.Email : null,
                contact ? p.Phone : null,
                p.Function,
                p.OrganizationId,
                p.OrganizationName,
                user.IsStaff && p.HasAccount);
        }).ToList();
        return new PagedResult<PersonListItem>(items, page.Page, page.PageSize, page.TotalCount);
    }
}
