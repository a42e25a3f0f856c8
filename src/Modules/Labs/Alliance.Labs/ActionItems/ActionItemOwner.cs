namespace Alliance.Labs.ActionItems;

/// <summary>
/// An action item's owner is stored apart — a person id and/or an organisation id, never a composed name — so no
/// copy can outgrow a column; the two names are joined only for display.
/// </summary>
internal static class ActionItemOwner
{
    /// <summary>"Person · Organisation", either part alone, or "—".</summary>
    public static string Display(string? person, string? organization) =>
        string.Join(" · ", new[] { person, organization }.Where(s => !string.IsNullOrEmpty(s))) is { Length: > 0 } owner ? owner : "—";
}
