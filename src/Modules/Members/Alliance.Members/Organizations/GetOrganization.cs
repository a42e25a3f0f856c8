using Alliance.Members.Contracts;
using Alliance.Members.Domain;
using Alliance.Members.Persistence;
using Alliance.Shared.Errors;
using Alliance.Shared.Security;
using AutoMapper;
using AutoMapper.QueryableExtensions;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Members.Organizations;

/// <summary>One organisation with every field, and what the caller may do with it.</summary>
internal sealed record GetOrganization(Guid Id) : IRequest<OrganizationDetails>;

internal sealed record OrganizationDetails(
    Guid Id,
    string Name,
    PartnerGroup PartnerGroup,
    string? Sector,
    SizeClass SizeClass,
    int? EmployeeCount,
    string? District,
    string? Street,
    string? PostalCode,
    string? City,
    string? Website,
    DateOnly? MemberSince,
    DateOnly? MemberUntil,
    bool IsActive,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    uint Version)
{
    /// <summary>Staff, or a representative of this organisation (profile fields only).</summary>
    public bool CanEdit { get; init; }

    /// <summary>Staff: partner group, membership dates, deactivation, invitations.</summary>
    public bool CanManage { get; init; }
}

internal sealed class OrganizationDetailsProfile : Profile
{
    public OrganizationDetailsProfile() => CreateMap<Organization, OrganizationDetails>()
        .ForMember(d => d.CanEdit, o => o.Ignore())
        .ForMember(d => d.CanManage, o => o.Ignore());
}

internal sealed class GetOrganizationHandler(MembersDbContext db, IConfigurationProvider mapping, ICurrentUser user)
    : IRequestHandler<GetOrganization, OrganizationDetails>
{
    public async Task<OrganizationDetails> Handle(GetOrganization request, CancellationToken cancellationToken)
    {
        var organization = await db.Organizations.AsNoTracking()
            .Where(o => o.Id == request.Id)
            .ProjectTo<OrganizationDetails>(mapping)
            .SingleOrDefaultAsync(cancellationToken);

        var own = user.OrganizationId == request.Id;
        // A former member is visible to the office and to its own people only.
        if (organization is null || (!organization.IsActive && !user.IsStaff && !own))
        {
            throw NotFoundException.For("Organization", request.Id);
        }

        return organization with { CanEdit = user.IsStaff || own, CanManage = user.IsStaff };
    }
}
