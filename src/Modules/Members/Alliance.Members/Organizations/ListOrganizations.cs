using Alliance.Members.Contracts;
using Alliance.Members.Domain;
using Alliance.Members.Persistence;
using Alliance.Shared.Contracts;
using Alliance.Shared.Persistence;
using Alliance.Shared.Security;
using AutoMapper;
using AutoMapper.QueryableExtensions;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Members.Organizations;

/// <summary>The directory of organisations: search by name, filter by partner group, district, size and status.</summary>
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

internal sealed class OrganizationListItemProfile : Profile
{
    public OrganizationListItemProfile() => CreateMap<Organization, OrganizationListItem>();
}

internal sealed class ListOrganizationsHandler(MembersDbContext db, IConfigurationProvider mapping, ICurrentUser user)
    : IRequestHandler<ListOrganizations, PagedResult<OrganizationListItem>>
{
    public Task<PagedResult<OrganizationListItem>> Handle(ListOrganizations request, CancellationToken cancellationToken) =>
        // Former members stay in the office's view only.
        db.Organizations.AsNoTracking()
            .Filter(request.Search, request.PartnerGroup, request.District, request.SizeClass, request.IncludeInactive && user.IsStaff)
            .OrderBy(o => o.Name).ThenBy(o => o.Id)
            .ProjectTo<OrganizationListItem>(mapping)
            .ToPagedResultAsync(request.Page, request.PageSize, cancellationToken);
}
