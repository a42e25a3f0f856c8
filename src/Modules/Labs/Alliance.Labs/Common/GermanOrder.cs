namespace Alliance.Labs.Common;

/// <summary>
/// The kernel's <see cref="Alliance.Shared.Localization.GermanSort"/> under the labs' name: one German-aware order for every sorted list of the labs: "Bäckerei" before "Buchhandlung", in SQL (the text
/// columns people sort by carry the ICU collation <see cref="Collation"/>) and in C# (<see cref="Comparer"/>).
/// </summary>
internal static class GermanOrder
{
    /// <summary>PostgreSQL's ICU collation for German.</summary>
    public const string Collation = Alliance.Shared.Localization.GermanSort.Collation;

    /// <summary>The same order in memory (names asked from Members, pickers).</summary>
    public static readonly StringComparer Comparer = Alliance.Shared.Localization.GermanSort.Comparer;
}
