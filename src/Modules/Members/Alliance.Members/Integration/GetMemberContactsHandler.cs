using Alliance.Members.Contracts;
using Alliance.Members.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Members.Integration;

internal sealed class GetMemberContactsHandler(MembersDbContext db) : IRequestHandler<GetMemberContacts, IReadOnlyList<PersonSummary>>
{
    public async Task<IReadOnlyList<PersonSummary>> Handle(GetMemberContacts request, CancellationToken cancellationToken)
    {
        var query = db.People.AsNoTracking().Where(p => p.ErasedAt == null && p.OrganizationId != null && p.Organization!.IsActive);
        if (request.OrganizationIds is { } ids)
        {
            var list = ids.Distinct().ToList();
            query = query.Where(p => list.Contains(p.OrganizationId!.Value));
        }

        var people = await query.OrderBy(p => p.LastName).ThenBy(p => p.FirstName)
            .Select(p => new { Person = p, HasAccount = db.Users.Any(u => u.PersonId == p.Id) })
            .ToListAsync(cancellationToken);
        return people.Select(p => p.Person.ToSummary(p.HasAccount)).ToList();
    }
}
