using Microsoft.Extensions.Localization;

namespace Alliance.Shared.Localization;

/// <summary>
/// Counted texts in singular or plural ("1 Unterstützung", "2 Unterstützungen"; "1 overdue action item"): the one way
/// a number goes into a sentence. A counted text has two keys, <c>Key_One</c> and <c>Key_Other</c>, <c>{0}</c> being the
/// count; German and English both use the singular for exactly one. Texts with two numbers are written so that only
/// the first one decides ("Anwesend: 3 von 12").
/// </summary>
public static class Plural
{
    /// <summary>The key of the form for <paramref name="count"/>: <c>Key_One</c> or <c>Key_Other</c>.</summary>
    public static string Key(string key, long count) => $"{key}_{(count == 1 ? "One" : "Other")}";

    /// <summary>The text for <paramref name="count"/> in the current culture: <c>{0}</c> is the count, further arguments follow.</summary>
    public static string Format(IStringLocalizer text, string key, int count, params object[] more) =>
        text[Key(key, count), [count, .. more]].Value;
}
