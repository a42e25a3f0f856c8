using System.Linq.Expressions;
using Alliance.Members.Contracts;
using Alliance.Members.Domain;
using Alliance.Members.Persistence;

namespace Alliance.Members.Integration;

/// <summary>The Contracts DTOs as SQL projections, so each contract request is one query (account lookup included).</summary>
internal static class DirectoryProjections
{
    public static readonly Expression<Func<Organization, OrganizationSummary>> OrganizationSummary = o =>
        new OrganizationSummary(o.Id, o.Name, o.PartnerGroup, o.Sector, o.SizeClass, o.EmployeeCount, o.District, o.IsActive);

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
