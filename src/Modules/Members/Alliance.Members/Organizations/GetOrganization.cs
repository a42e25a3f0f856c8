using Alliance.Members.Contracts;
using Alliance.Members.Persistence;
using Alliance.Shared.Errors;
using Alliance.Shared.Contracts;
using AutoMapper;
using AutoMapper.QueryableExtensions;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Members.Organizations;

/// <summary>One organisation with every field, and what the caller may do with it.</summary>
[AllowedFor(Who.SignedIn)]
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

internal sealed class GetOrganizationHandler(MembersDbContext db, IConfigurationProvider mapping, MemberPermissions permissions)
    : IRequestHandler<GetOrganization, OrganizationDetails>
{
    public async Task<OrganizationDetails> Handle(GetOrganization request, CancellationToken cancellationToken)
    {
        var organization = await db.Organizations.AsNoTracking()
            .Where(o => o.Id == request.Id)
            .ProjectTo<OrganizationDetails>(mapping)
            .SingleOrDefaultAsync(cancellationToken);

        if (organization is null || !permissions.SeesOrganization(organization.Id, organization.IsActive))
        {
            throw NotFoundException.For("Organization", request.Id);
        }

        return organization with
        {
            CanEdit = permissions.MayEditOrganization(organization.Id),
            CanManage = permissions.MayManageMembership,
        };
    }
}
