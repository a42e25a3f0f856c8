using Alliance.Members.Contracts;
using Alliance.Members.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Members.Integration;

/// <summary>
/// People with an e-mail address in active member organisations (erased people never). Whether a person agreed
/// to be contacted is in <see cref="PersonSummary.MayContactByEmail"/>; the caller decides what its mail needs.
/// </summary>
internal sealed class GetMemberContactsHandler(MembersDbContext db) : IRequestHandler<GetMemberContacts, IReadOnlyList<PersonSummary>>
{
    public async Task<IReadOnlyList<PersonSummary>> Handle(GetMemberContacts request, CancellationToken cancellationToken)
    {
        var people = db.People.AsNoTracking().Where(p => p.ErasedAt == null && p.Email != null);
        if (request.OrganizationIds is { } organizationIds)
        {
            // The active organisations among the asked ones first (primary-key lookups), so a lab's 19 contacts never
            // make the database read all 5,000 organisations to join them.
            var ids = organizationIds.Distinct().ToArray();
            var active = db.Organizations.Where(o => ids.Contains(o.Id) && o.IsActive).Select(o => (Guid?)o.Id);
            people = people.Where(p => active.Contains(p.OrganizationId));
        }
        else
        {
            people = people.Where(p => p.Organization != null && p.Organization.IsActive);
        }

        return await people
            .OrderBy(p => p.LastName).ThenBy(p => p.FirstName).ThenBy(p => p.Id)
            .ToSummaries(db)
            .ToListAsync(cancellationToken);
    }
}
