using Alliance.Members.Domain;
using Alliance.Shared.Components;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Members.People;

/// <summary>
/// The people search, shared by the directory and the people picker. Its terms are exactly the expressions of the
/// trigram indexes <c>IX_people_Name_Trigram</c> ("first last") and <c>IX_people_Email_Trigram</c> (migration
/// LargeAllianceIndexes), so "contains" searches use an index instead of reading everyone. Every word of the term must
/// match, each anywhere and in any order (<see cref="PickerSearch.WhereEveryWord{T}"/>): "Brandt Thomas" finds Thomas Brandt.
/// </summary>
internal static class PeopleQueries
{
    /// <summary>
    /// People each of whose term's words is in the "first last" name or, with <paramref name="includeEmail"/>, in the
    /// address — only addresses the caller sees: everyone's for <paramref name="emailScope"/> null, else that
    /// organisation's. A missing address never matches. Filter by who the caller may see first: a word only narrows.
    /// </summary>
    public static IQueryable<Person> Search(this IQueryable<Person> people, string term, bool includeEmail, Guid? emailScope) =>
        includeEmail
            ? people.WhereEveryWord(term, pattern => p => EF.Functions.ILike(p.FirstName + " " + p.LastName, pattern, "\\")
                || ((emailScope == null || p.OrganizationId == emailScope) && EF.Functions.ILike(p.Email!, pattern, "\\")))
            : people.WhereEveryWord(term, pattern => p => EF.Functions.ILike(p.FirstName + " " + p.LastName, pattern, "\\"));
}
