using Alliance.Members.Contracts;
using Alliance.Members.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Members.Integration;

internal sealed class GetActiveOrganizationsHandler(MembersDbContext db) : IRequestHandler<GetActiveOrganizations, IReadOnlyList<OrganizationSummary>>
{
    public async Task<IReadOnlyList<OrganizationSummary>> Handle(GetActiveOrganizations request, CancellationToken cancellationToken)
    {
        var organizations = await db.Organizations.AsNoTracking().Where(o => o.IsActive).OrderBy(o => o.Name).ToListAsync(cancellationToken);
        return organizations.Select(o => o.ToSummary()).ToList();
    }
}
