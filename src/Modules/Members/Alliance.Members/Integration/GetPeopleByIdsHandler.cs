using Alliance.Members.Contracts;
using Alliance.Members.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Members.Integration;

internal sealed class GetPeopleByIdsHandler(MembersDbContext db) : IRequestHandler<GetPeopleByIds, IReadOnlyList<PersonSummary>>
{
    public async Task<IReadOnlyList<PersonSummary>> Handle(GetPeopleByIds request, CancellationToken cancellationToken)
    {
        if (request.Ids.Count == 0)
        {
            return [];
        }

        var ids = request.Ids.Distinct().ToArray();
        return await db.People.AsNoTracking()
            .Where(p => ids.Contains(p.Id))
            .OrderBy(p => p.LastName).ThenBy(p => p.FirstName)
            .ToSummaries(db)
            .ToListAsync(cancellationToken);
    }
}
