using Alliance.Members.Contracts;
using Alliance.Members.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Members.Integration;

internal sealed class GetOrganizationsByIdsHandler(MembersDbContext db) : IRequestHandler<GetOrganizationsByIds, IReadOnlyList<OrganizationSummary>>
{
    public async Task<IReadOnlyList<OrganizationSummary>> Handle(GetOrganizationsByIds request, CancellationToken cancellationToken)
    {
        var ids = request.Ids.Distinct().ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        var organizations = await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToListAsync(cancellationToken);
        return organizations.Select(o => o.ToSummary()).ToList();
    }
}
