using Alliance.Members.Persistence;
using Alliance.Shared.Contracts;
using AutoMapper;
using AutoMapper.QueryableExtensions;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Members.Organizations;

/// <summary>
/// The organisations a form or filter offers: the active ones in German order, plus <see cref="AlsoInclude"/> (a
/// person's former organisation on the office's edit form) when the caller may see it.
/// </summary>
[AllowedFor(Who.SignedIn)]
internal sealed record ListOrganizationChoices(Guid? AlsoInclude = null) : IRequest<IReadOnlyList<OrganizationOption>>;

/// <summary>One choice of an organisation picker.</summary>
internal sealed record OrganizationOption(Guid Id, string Name);

internal sealed class ListOrganizationChoicesHandler(MembersDbContext db, IConfigurationProvider mapping, MemberPermissions permissions)
    : IRequestHandler<ListOrganizationChoices, IReadOnlyList<OrganizationOption>>
{
    public async Task<IReadOnlyList<OrganizationOption>> Handle(ListOrganizationChoices request, CancellationToken cancellationToken)
    {
        var extra = permissions.SeesInactiveOrganizations ? request.AlsoInclude : null;
        return await db.Organizations.AsNoTracking()
            .Where(o => o.IsActive || o.Id == extra)
            .OrderBy(o => o.Name).ThenBy(o => o.Id)
            .ProjectTo<OrganizationOption>(mapping)
            .ToListAsync(cancellationToken);
    }
}
