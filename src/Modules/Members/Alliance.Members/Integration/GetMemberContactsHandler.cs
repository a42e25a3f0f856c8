using Alliance.Members.Contracts;
using Alliance.Members.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Members.Integration;

internal sealed class GetMemberContactsHandler(MembersDbContext db) : IRequestHandler<GetMemberContacts, IReadOnlyList<PersonSummary>>
{
    public async Task<IReadOnlyList<PersonSummary>> Handle(GetMemberContacts request, CancellationToken cancellationToken)
    {
        var query = db.People.AsNoTracking()
            .Where(p => p.ErasedAt == null && p.OrganizationId != null && p.Organization!.IsActive);
        if (request.OrganizationIds is { } organizations)
        {
            var ids = organizations.Distinct().ToList();
            query = query.Where(p => ids.Contains(p.OrganizationId!.Value));
        }

        var people = await query.OrderBy(p => p.LastName).ThenBy(p => p.FirstName).ToListAsync(cancellationToken);
        var personIds = people.Select(p => p.Id).ToList();
        var withAccount = (await db.Users.AsNoTracking().Where(u => personIds.Contains(u.PersonId)).Select(u => u.PersonId).ToListAsync(cancellationToken)).ToHashSet();
        return people.Select(p => p.ToSummary(withAccount.Contains(p.Id))).ToList();
    }
}
