using Alliance.Members.Contracts;
using Alliance.Members.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Members.Integration;

internal sealed class FindOrganizationsByAttributesHandler(MembersDbContext db)
    : IRequestHandler<FindOrganizationsByAttributes, IReadOnlyList<Guid>>
{
    public async Task<IReadOnlyList<Guid>> Handle(FindOrganizationsByAttributes request, CancellationToken cancellationToken)
    {
        var groups = request.PartnerGroups.Distinct().ToList();
        var sizes = request.SizeClasses.Distinct().ToList();
        var sectors = request.Sectors.Select(s => s.Trim().ToLowerInvariant()).Distinct().ToList();
        var query = db.Organizations.AsNoTracking().Where(o => o.IsActive);
        if (groups.Count > 0)
        {
            query = query.Where(o => groups.Contains(o.PartnerGroup));
        }

        if (sizes.Count > 0)
        {
            query = query.Where(o => sizes.Contains(o.SizeClass));
        }

        if (sectors.Count > 0)
        {
            query = query.Where(o => o.Sector != null && sectors.Contains(o.Sector.Trim().ToLower()));
        }

        return await query.OrderBy(o => o.Id).Select(o => o.Id).ToListAsync(cancellationToken);
    }
}
