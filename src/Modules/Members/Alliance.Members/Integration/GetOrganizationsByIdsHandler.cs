using Alliance.Members.Contracts;
using Alliance.Members.Persistence;
using AutoMapper;
using AutoMapper.QueryableExtensions;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Members.Integration;

internal sealed class GetOrganizationsByIdsHandler(MembersDbContext db, IConfigurationProvider mapping)
    : IRequestHandler<GetOrganizationsByIds, IReadOnlyList<OrganizationSummary>>
{
    public async Task<IReadOnlyList<OrganizationSummary>> Handle(GetOrganizationsByIds request, CancellationToken cancellationToken)
    {
        if (request.Ids.Count == 0)
        {
            return [];
        }

        var ids = request.Ids.Distinct().ToArray();
        return await db.Organizations.AsNoTracking()
            .Where(o => ids.Contains(o.Id))
            .OrderBy(o => o.Name)
            .ProjectTo<OrganizationSummary>(mapping)
            .ToListAsync(cancellationToken);
    }
}
