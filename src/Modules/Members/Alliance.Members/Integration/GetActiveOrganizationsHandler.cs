using Alliance.Members.Contracts;
using Alliance.Members.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Members.Integration;

internal sealed class GetActiveOrganizationsHandler(MembersDbContext db)
    : IRequestHandler<GetActiveOrganizations, IReadOnlyList<OrganizationSummary>>
{
    public async Task<IReadOnlyList<OrganizationSummary>> Handle(GetActiveOrganizations request, CancellationToken cancellationToken) =>
        await db.Organizations.AsNoTracking()
            .Where(o => o.IsActive)
            .OrderBy(o => o.Name).ThenBy(o => o.Id)
            .Select(DirectoryProjections.OrganizationSummary)
            .ToListAsync(cancellationToken);
}
