using Alliance.Members.Persistence;
using Alliance.Shared.Contracts;
using Alliance.Shared.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Members.People;

/// <summary>
/// The directory of people: search by name or e-mail, filter by organisation, paged. Applies the
/// <see cref="MemberPermissions"/>: other members see only people who share their name (and their own colleagues).
/// </summary>
[AllowedFor(Who.SignedIn)]
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

internal sealed class ListPeopleHandler(MembersDbContext db, MemberPermissions permissions)
    : IRequestHandler<ListPeople, PagedResult<PersonListItem>>
{
    public async Task<PagedResult<PersonListItem>> Handle(ListPeople request, CancellationToken cancellationToken)
    {
        var query = db.People.AsNoTracking().Where(permissions.VisiblePeople());
        if (request.OrganizationId is { } organizationId)
        {
            query = query.Where(p => p.OrganizationId == organizationId);
        }

        if (!string.IsNullOrWhiteSpace(request.Search))
        {
            // Searching must not reveal what is hidden: e-mail addresses only where the caller sees them.
            query = query.Search(request.Search, includeEmail: true, permissions.EmailSearchScope);
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
            var nameShared = permissions.SeesName(p.OrganizationId, p.ConsentNameVisible, isErased: false);
            var contact = permissions.SeesContactDetails(p.OrganizationId);
            return new PersonListItem(
                p.Id,
                nameShared ? $"{p.FirstName} {p.LastName}".Trim() : null,
                nameShared,
                contact ? p.Email : null,
                contact ? p.Phone : null,
                p.Function,
                p.OrganizationId,
                p.OrganizationName,
                permissions.ManagesDirectory && p.HasAccount);
        }).ToList();
        return new PagedResult<PersonListItem>(items, page.Page, page.PageSize, page.TotalCount);
    }
}
