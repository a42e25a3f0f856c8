using Alliance.Members.Contracts;
using Alliance.Members.Domain;
using Alliance.Members.Persistence;
using Alliance.Shared.Contracts;
using Alliance.Shared.Persistence;
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

internal sealed class ListOrganizationsHandler(MembersDbContext db, IConfigurationProvider mapping)
    : IRequestHandler<ListOrganizations, PagedResult<OrganizationListItem>>
{
    public Task<PagedResult<OrganizationListItem>> Handle(ListOrganizations request, CancellationToken cancellationToken)
    {
        var query = db.Organizations.AsNoTracking();
        if (!request.IncludeInactive)
        {
            query = query.Where(o => o.IsActive);
        }

        if (!string.IsNullOrWhiteSpace(request.Search))
        {
            var pattern = $"%{EscapeLike(request.Search.Trim())}%";
            query = query.Where(o => EF.Functions.ILike(o.Name, pattern, "\\") || EF.Functions.ILike(o.Sector ?? "", pattern, "\\"));
        }

        if (request.PartnerGroup is { } group)
        {
            query = query.Where(o => o.PartnerGroup == group);
        }

        if (!string.IsNullOrWhiteSpace(request.District))
        {
            query = query.Where(o => o.District == request.District.Trim());
        }

        if (request.SizeClass is { } size)
        {
            query = query.Where(o => o.SizeClass == size);
        }

        return query.OrderBy(o => o.Name).ThenBy(o => o.Id)
            .ProjectTo<OrganizationListItem>(mapping)
            .ToPagedResultAsync(request.Page, request.PageSize, cancellationToken);
    }

    private static string EscapeLike(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
