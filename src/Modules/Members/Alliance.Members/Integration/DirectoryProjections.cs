using System.Linq.Expressions;
using Alliance.Members.Contracts;
using Alliance.Members.Domain;
using Alliance.Members.Persistence;
using Microsoft.EntityFrameworkCore.Query;

namespace Alliance.Members.Integration;

/// <summary>
/// People as the Contracts show them, as one SQL projection (account lookup included). Hand-written, not AutoMapper: an
/// erased person keeps no name or address (see <see cref="MembersMappingProfile"/>). The person's part is written once
/// (<see cref="Summary"/>) and used by both projections, so both apply the same erasure and consent rules.
/// </summary>
internal static class DirectoryProjections
{
    public static IQueryable<PersonSummary> ToSummaries(this IQueryable<Person> people, MembersDbContext db) =>
        people.Select(Summary(db));

    /// <summary>
    /// Each person as <see cref="ToSummaries"/> shows her, with her organisation as <see cref="GetOrganizationsByIds"/>
    /// shows it (null without one): one statement, the organisation by a left join.
    /// </summary>
    public static IQueryable<PersonWithOrganization> ToSummariesWithOrganizations(this IQueryable<Person> people, MembersDbContext db)
    {
        // p => new PersonWithOrganization(Summary(p), p.Organization == null ? null : OrganizationOf(p.Organization)),
        // both parts inlined so that EF Core translates the whole into one SELECT.
        var summary = Summary(db);
        var person = summary.Parameters[0];
        var organization = Expression.Property(person, nameof(Person.Organization));
        var body = Expression.New(
            typeof(PersonWithOrganization).GetConstructor([typeof(PersonSummary), typeof(OrganizationSummary)])!,
            summary.Body,
            Expression.Condition(
                Expression.Equal(organization, Expression.Constant(null, typeof(Organization))),
                Expression.Constant(null, typeof(OrganizationSummary)),
                ReplacingExpressionVisitor.Replace(OrganizationOf.Parameters[0], organization, OrganizationOf.Body)));
        return people.Select(Expression.Lambda<Func<Person, PersonWithOrganization>>(body, person));
    }

    private static Expression<Func<Person, PersonSummary>> Summary(MembersDbContext db) =>
        p => new PersonSummary(
            p.Id,
            p.ErasedAt == null ? p.FirstName + " " + p.LastName : Person.ErasedName,
            p.ErasedAt == null ? p.Email : null,
            p.PreferredLanguage,
            p.OrganizationId,
            p.ConsentContactByEmail && p.ErasedAt == null,
            p.ConsentNameVisible && p.ErasedAt == null,
            p.ErasedAt != null,
            db.Users.Any(u => u.PersonId == p.Id));

    /// <summary>The organisation as <c>CreateMap&lt;Organization, OrganizationSummary&gt;</c> maps it (member by member).</summary>
    private static readonly Expression<Func<Organization, OrganizationSummary>> OrganizationOf = o =>
        new OrganizationSummary(o.Id, o.Name, o.PartnerGroup, o.Sector, o.SizeClass, o.EmployeeCount, o.District, o.IsActive);
}
