using Alliance.Members.Contracts;
using Alliance.Members.Persistence;
using Alliance.Shared.Localization;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Members.Integration;

internal sealed class GetSectorsInUseHandler(MembersDbContext db) : IRequestHandler<GetSectorsInUse, IReadOnlyList<string>>
{
    public async Task<IReadOnlyList<string>> Handle(GetSectorsInUse request, CancellationToken cancellationToken)
    {
        // DISTINCT in the database: a few dozen sectors come back, not thousands of organisations.
        var sectors = await db.Organizations.AsNoTracking()
            .Where(o => o.IsActive && o.Sector != null && o.Sector != "")
            .Select(o => o.Sector!).Distinct().ToListAsync(cancellationToken);
        var comparer = GermanSort.IgnoringCase;
        return sectors.Select(s => s.Trim()).Where(s => s.Length > 0).Distinct(comparer).Order(comparer).ToList();
    }
}
