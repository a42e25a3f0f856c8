using Alliance.Members.Contracts;
using Alliance.Members.People;
using Alliance.Members.Persistence;
using Alliance.Shared.Components;
using Alliance.Shared.Contracts;
using Alliance.Shared.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Members.Integration;

/// <summary>
/// A page of the contacts of a few organisations (<see cref="GetMemberContacts"/>' people), filtered in SQL by name,
/// ids and the asking module's name rule. Served by <c>IX_people_OrganizationId_LastName</c>: the organisations are a
/// lab's members (tens), so their people are found by organisation first and the name is matched among them.
/// </summary>
internal sealed class FindMemberContactsHandler(MembersDbContext db) : IRequestHandler<FindMemberContacts, PagedResult<ContactMatch>>
{
    public Task<PagedResult<ContactMatch>> Handle(FindMemberContacts request, CancellationToken cancellationToken)
    {
        // The active organisations among the asked ones first (primary-key lookups), as GetMemberContacts does.
        var organizationIds = request.OrganizationIds.Distinct().ToArray();
        var active = db.Organizations.Where(o => organizationIds.Contains(o.Id) && o.IsActive).Select(o => (Guid?)o.Id);
        var people = db.People.AsNoTracking().Where(p => p.ErasedAt == null && p.Email != null && active.Contains(p.OrganizationId));

        if (request.Ids is { } ids)
        {
            var wanted = ids.Distinct().ToArray();
            people = people.Where(p => wanted.Contains(p.Id));
        }

        if (request.Names is { SeesEveryName: false } names)
        {
            // Guid.Empty matches nobody: a caller without a person or organisation reads only the names shown to members.
            var own = names.PersonId ?? Guid.Empty;
            var organization = names.OrganizationId ?? Guid.Empty;
            people = people.Where(p => p.ConsentNameVisible || p.Id == own || p.OrganizationId == organization);
        }

        if (!string.IsNullOrWhiteSpace(request.Term))
        {
            people = people.Search(request.Term, includeEmail: false, emailScope: null);
        }

        return people
            .OrderBy(p => p.LastName).ThenBy(p => p.FirstName).ThenBy(p => p.Id)
            .Select(p => new ContactMatch(p.Id, p.FirstName + " " + p.LastName, p.OrganizationId!.Value, p.Organization!.Name))
            .ToPagedResultAsync(request.Page, Math.Clamp(request.PageSize, 1, PickerLimits.Results), cancellationToken);
    }
}
