using Alliance.Members.Contracts;
using Alliance.Members.Persistence;
using AutoMapper;
using AutoMapper.QueryableExtensions;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Members.Integration;

internal sealed class GetActiveOrganizationsHandler(MembersDbContext db, IConfigurationProvider mapping)
    : IRequestHandler<GetActiveOrganizations, IReadOnlyList<OrganizationSummary>>
{
    public async Task<IReadOnlyList<OrganizationSummary>> Handle(GetActiveOrganizations request, CancellationToken cancellationToken) =>
        await db.Organizations.AsNoTracking()
            .Where(o => o.IsActive)
            .OrderBy(o => o.Name).ThenBy(o => o.Id)
            .ProjectTo<OrganizationSummary>(mapping)
            .ToListAsync(cancellationToken);
}
