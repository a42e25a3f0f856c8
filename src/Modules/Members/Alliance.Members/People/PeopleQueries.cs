using Alliance.Members.Domain;
using Alliance.Members.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Members.People;

/// <summary>
/// The people search, shared by the directory and the people picker. Its terms are exactly the expressions of the
/// trigram indexes <c>IX_people_Name_Trigram</c> ("first last") and <c>IX_people_Email_Trigram</c> (migration
/// LargeAllianceIndexes), so "contains" searches use an index instead of reading everyone.
/// </summary>
internal static class PeopleQueries
{
    /// <summary>
    /// People whose "first last" name contains <paramref name="term"/>, or, with <paramref name="includeEmail"/>, whose
    /// address does — only addresses the caller sees: everyone's for <paramref name="emailScope"/> null, else that
    /// organisation's. A missing address never matches.
    /// </summary>
    public static IQueryable<Person> Search(this IQueryable<Person> people, string term, bool includeEmail, Guid? emailScope)
    {
        var pattern = $"%{OrganizationQueries.EscapeLike(term.Trim())}%";
        return includeEmail
            ? people.Where(p => EF.Functions.ILike(p.FirstName + " " + p.LastName, pattern, "\\")
                || ((emailScope == null || p.OrganizationId == emailScope) && EF.Functions.ILike(p.Email!, pattern, "\\")))
            : people.Where(p => EF.Functions.ILike(p.FirstName + " " + p.LastName, pattern, "\\"));
    }
}
