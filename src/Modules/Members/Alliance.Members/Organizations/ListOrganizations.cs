using Alliance.Members.Contracts;
using Alliance.Members.Persistence;
using Alliance.Shared.Contracts;
using Alliance.Shared.Persistence;
using AutoMapper;
using AutoMapper.QueryableExtensions;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Members.Organizations;

/// <summary>The directory of organisations: search by name, filter by partner group, district, size and status.</summary>
[AllowedFor(Who.SignedIn)]
internal sealed record ListOrganizations(
    string? Search = null,
    PartnerGroup? PartnerGroup = null,
    string? District = null,
    SizeClass? SizeClass = null,
    bool IncludeInactive = false,
    int Page = 1,
    int PageSize = Paging.DefaultPageSize) : IRequest<PagedResult<OrganizationListItem>>;

internal sealed record OrganizationListItem(
    Guid Id,
    string Name,
    PartnerGroup PartnerGroup,
    string? Sector,
    SizeClass SizeClass,
    int? EmployeeCount,
    string? District,
    bool IsActive);

internal sealed class ListOrganizationsHandler(MembersDbContext db, IConfigurationProvider mapping, MemberPermissions permissions)
    : IRequestHandler<ListOrganizations, PagedResult<OrganizationListItem>>
{
    public Task<PagedResult<OrganizationListItem>> Handle(ListOrganizations request, CancellationToken cancellationToken) =>
        // Former members stay in the office's view only.
        db.Organizations.AsNoTracking()
            .Filter(request.Search, request.PartnerGroup, request.District, request.SizeClass, request.IncludeInactive && permissions.SeesInactiveOrganizations)
            .OrderBy(o => o.Name).ThenBy(o => o.Id)
            .ProjectTo<OrganizationListItem>(mapping)
            .ToPagedResultAsync(request.Page, request.PageSize, cancellationToken);
}
