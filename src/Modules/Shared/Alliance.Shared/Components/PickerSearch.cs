namespace Alliance.Shared.Components;

/// <summary>The "contains" pattern every picker search uses (ILIKE with <c>\</c> as escape character).</summary>
public static class PickerSearch
{
    /// <summary>
    /// <c>%term%</c> with the term trimmed and <c>\</c>, <c>%</c> and <c>_</c> escaped, so a typed percent sign or
    /// underscore is matched as itself; use with <c>EF.Functions.ILike(column, pattern, "\\")</c> over a column with a
    /// <c>gin_trgm_ops</c> index.
    /// </summary>
    public static string ContainsPattern(string term) =>
        "%" + term.Trim().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal) + "%";
}
