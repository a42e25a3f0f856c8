using System.Globalization;

namespace Alliance.Funding.Common;

/// <summary>
/// One German-aware order for every sorted list of the funding module: "Bäckerei" before "Buchhandlung", in SQL (the text
/// columns people sort by carry the ICU collation <see cref="Collation"/>) and in C# (<see cref="Comparer"/>).
/// </summary>
internal static class GermanOrder
{
    /// <summary>PostgreSQL's ICU collation for German.</summary>
    public const string Collation = "de-DE-x-icu";

    /// <summary>The same order in memory (names asked from Members, pickers).</summary>
    public static readonly StringComparer Comparer = StringComparer.Create(CultureInfo.GetCultureInfo("de-DE"), ignoreCase: false);
}
