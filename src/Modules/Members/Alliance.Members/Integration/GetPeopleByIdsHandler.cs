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
        var people = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).ToListAsync(cancellationToken);
        var withAccount = await db.Users.AsNoTracking().Where(u => ids.Contains(u.PersonId)).Select(u => u.PersonId).ToListAsync(cancellationToken);
        return people.Select(p => p.ToSummary(withAccount.Contains(p.Id))).ToList();
    }
}
