using Alliance.Members.Contracts;
using Alliance.Members.Domain;
using Alliance.Members.Persistence;

namespace Alliance.Members.Integration;

/// <summary>
/// People as the Contracts show them, as one SQL projection (account lookup included). Hand-written, not AutoMapper: an
/// erased person keeps no name or address (see <see cref="MembersMappingProfile"/>).
/// </summary>
internal static class DirectoryProjections
{
    public static IQueryable<PersonSummary> ToSummaries(this IQueryable<Person> people, MembersDbContext db) =>
        people.Select(p => new PersonSummary(
            p.Id,
            p.ErasedAt == null ? p.FirstName + " " + p.LastName : Person.ErasedName,
            p.ErasedAt == null ? p.Email : null,
            p.PreferredLanguage,
            p.OrganizationId,
            p.ConsentContactByEmail && p.ErasedAt == null,
            p.ConsentNameVisible && p.ErasedAt == null,
            p.ErasedAt != null,
            db.Users.Any(u => u.PersonId == p.Id)));
}
