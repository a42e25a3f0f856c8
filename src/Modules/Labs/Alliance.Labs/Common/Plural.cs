using Microsoft.Extensions.Localization;

namespace Alliance.Labs.Common;

/// <summary>
/// Counted texts in singular or plural ("1 Unterstützung", "2 Unterstützungen"; "1 overdue action item"). A counted
/// text has two keys, <c>Key_One</c> and <c>Key_Other</c>; German and English both use the singular for exactly one.
/// </summary>
internal static class Plural
{
    /// <summary>The text for <paramref name="count"/>: <c>{0}</c> is the count, further arguments follow.</summary>
    public static string Format(IStringLocalizer text, string key, int count, params object[] more) =>
        text[$"{key}_{(count == 1 ? "One" : "Other")}", [count, .. more]].Value;
}
