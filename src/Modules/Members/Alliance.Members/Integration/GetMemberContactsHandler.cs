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
        var people = db.People.AsNoTracking()
            .Where(p => p.ErasedAt == null && p.Email != null && p.Organization != null && p.Organization.IsActive);
        if (request.OrganizationIds is { } organizationIds)
        {
            var ids = organizationIds.Distinct().ToArray();
            people = people.Where(p => ids.Contains(p.OrganizationId!.Value));
        }

        return await people
            .OrderBy(p => p.LastName).ThenBy(p => p.FirstName).ThenBy(p => p.Id)
            .ToSummaries(db)
            .ToListAsync(cancellationToken);
    }
}
