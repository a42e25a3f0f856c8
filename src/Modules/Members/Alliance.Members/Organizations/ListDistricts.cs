using Alliance.Shared.Contracts;
using Alliance.Members.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Members.Organizations;

/// <summary>The districts organisations are in, for the directory's filter.</summary>
[AllowedFor(Who.SignedIn)]
internal sealed record ListDistricts : IRequest<IReadOnlyList<string>>;

internal sealed class ListDistrictsHandler(MembersDbContext db) : IRequestHandler<ListDistricts, IReadOnlyList<string>>
{
    public async Task<IReadOnlyList<string>> Handle(ListDistricts request, CancellationToken cancellationToken) =>
        await db.Organizations.AsNoTracking()
            .Where(o => o.District != null)
            .Select(o => o.District!)
            .Distinct()
            .OrderBy(d => d)
            .ToListAsync(cancellationToken);
}
