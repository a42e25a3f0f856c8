using System.Linq.Expressions;
using Alliance.Shared.Localization;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace Alliance.Shared.Components;

/// <summary>
/// What every picker search shares: its term rule and its word-wise "contains" match (ILIKE with <c>\</c> as escape
/// character, one condition per word, so "Brandt Thomas" finds Thomas Brandt).
/// </summary>
public static class PickerSearch
{
    /// <summary>
    /// The search term of a picker's <c>SearchX(Q, …)</c>: required (not blank) and at most
    /// <see cref="PickerLimits.TermLength"/> characters; both messages in the caller's language (400, field <c>q</c>).
    /// </summary>
    public static IRuleBuilderOptions<T, string?> SearchTerm<T>(this IRuleBuilder<T, string?> rule, IStringLocalizer<SharedText> text) =>
        rule.Must(q => !string.IsNullOrWhiteSpace(q)).WithMessage(_ => text["Picker_TermRequired"])
            .MaximumLength(PickerLimits.TermLength).WithMessage(_ => text["Picker_TermTooLong", PickerLimits.TermLength]);

    /// <summary>
    /// The words of <paramref name="term"/> (split at white space, each once, case-blind) as <c>%word%</c> patterns with
    /// <c>\</c>, <c>%</c> and <c>_</c> escaped, so a typed percent sign or underscore is matched as itself. At most
    /// <see cref="PickerLimits.TermWords"/>: a longer term keeps its longest words (they narrow the most; a short word
    /// left out only lets a few more rows through, and the query never grows beyond that many conditions). Empty for a blank term.
    /// </summary>
    public static IReadOnlyList<string> WordPatterns(string term) =>
        [.. term.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Select((word, index) => (word, index))
            .OrderByDescending(w => w.word.Length).ThenBy(w => w.index)
            .Take(PickerLimits.TermWords)
            .OrderBy(w => w.index)
            .Select(w => "%" + EscapeLike(w.word) + "%")];

    /// <summary>
    /// Rows where every word of <paramref name="term"/> (<see cref="WordPatterns"/>) matches <paramref name="matches"/>,
    /// each anywhere and in any order. <paramref name="matches"/> gets a word's pattern and says where it may occur, e.g.
    /// <c>pattern =&gt; p =&gt; EF.Functions.ILike(p.FirstName + " " + p.LastName, pattern, "\\")</c>; keep the column
    /// expressions those of a <c>gin_trgm_ops</c> index, so PostgreSQL answers all the words' ILIKEs from that index.
    /// A blank term leaves the query as it is.
    /// </summary>
    public static IQueryable<T> WhereEveryWord<T>(this IQueryable<T> query, string term, Func<string, Expression<Func<T, bool>>> matches)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(matches);
        foreach (var pattern in WordPatterns(term ?? ""))
        {
            query = query.Where(matches(pattern));
        }

        return query;
    }

    /// <summary><paramref name="value"/> with <c>\</c>, <c>%</c> and <c>_</c> escaped for ILIKE with <c>\</c> as escape character.</summary>
    public static string EscapeLike(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
    }
}
