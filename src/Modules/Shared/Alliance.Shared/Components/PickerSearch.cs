using Alliance.Shared.Localization;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace Alliance.Shared.Components;

/// <summary>What every picker search shares: its term rule and its "contains" pattern (ILIKE with <c>\</c> as escape character).</summary>
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
    /// <c>%term%</c> with the term trimmed and <c>\</c>, <c>%</c> and <c>_</c> escaped, so a typed percent sign or
    /// underscore is matched as itself; use with <c>EF.Functions.ILike(column, pattern, "\\")</c> over a column with a
    /// <c>gin_trgm_ops</c> index.
    /// </summary>
    public static string ContainsPattern(string term) =>
        "%" + term.Trim().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal) + "%";
}
