using Alliance.Members.Contracts;
using Alliance.Members.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Members.Integration;

/// <summary>Answers <see cref="GetPeopleWithOrganizations"/> in one statement (people, their accounts and organisations).</summary>
internal sealed class GetPeopleWithOrganizationsHandler(MembersDbContext db)
    : IRequestHandler<GetPeopleWithOrganizations, IReadOnlyList<PersonWithOrganization>>
{
    public async Task<IReadOnlyList<PersonWithOrganization>> Handle(GetPeopleWithOrganizations request, CancellationToken cancellationToken)
    {
        if (request.Ids.Count == 0)
        {
            return [];
        }

        var ids = request.Ids.Distinct().ToArray();
        return await db.People.AsNoTracking()
            .Where(p => ids.Contains(p.Id))
            .OrderBy(p => p.LastName).ThenBy(p => p.FirstName)
            .ToSummariesWithOrganizations(db)
            .ToListAsync(cancellationToken);
    }
}
