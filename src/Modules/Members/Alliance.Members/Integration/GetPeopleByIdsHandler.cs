using Alliance.Members.Contracts;
using Alliance.Members.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Members.Integration;

internal sealed class GetPeopleByIdsHandler(MembersDbContext db) : IRequestHandler<GetPeopleByIds, IReadOnlyList<PersonSummary>>
{
    public async Task<IReadOnlyList<PersonSummary>> Handle(GetPeopleByIds request, CancellationToken cancellationToken)
    {
        var ids = request.Ids.Distinct().ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        var people = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new { Person = p, HasAccount = db.Users.Any(u => u.PersonId == p.Id) })
            .ToListAsync(cancellationToken);
        return people.Select(p => p.Person.ToSummary(p.HasAccount)).ToList();
    }
}
