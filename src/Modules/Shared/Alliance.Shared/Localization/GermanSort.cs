using System.Globalization;

namespace Alliance.Shared.Localization;

/// <summary>
/// The one German-aware order for every sorted list, in SQL and in C#: "Bäckerei" before "Buchhandlung", "Zucker"
/// before "Zünfte". Columns people sort by carry PostgreSQL's ICU collation <see cref="Collation"/> (<c>UseCollation</c>;
/// a query over a column without it sorts with <c>EF.Functions.Collate(column, GermanSort.Collation)</c>); lists sorted
/// in memory use <see cref="Comparer"/>, never the current culture (an English page would otherwise sort differently).
/// </summary>
public static class GermanSort
{
    /// <summary>PostgreSQL's ICU collation for German (Members' migration creates it where a server lacks it).</summary>
    public const string Collation = "de-DE-x-icu";

    /// <summary>The same order in memory.</summary>
    public static readonly StringComparer Comparer = StringComparer.Create(CultureInfo.GetCultureInfo("de-DE"), CompareOptions.None);

    /// <summary>The same order, and equality, without regard to case ("handwerk" and "Handwerk" are one).</summary>
    public static readonly StringComparer IgnoringCase = StringComparer.Create(CultureInfo.GetCultureInfo("de-DE"), CompareOptions.IgnoreCase);
}
