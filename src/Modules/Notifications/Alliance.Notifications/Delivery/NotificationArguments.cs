using System.Globalization;

namespace Alliance.Notifications.Delivery;

/// <summary>
/// Stores a notification's text arguments language-neutrally: texts as they are, days as ISO dates, so the reader's
/// language formats them (30.09.2026 / 30 Sep 2026) when the notification is shown or mailed.
/// </summary>
internal static class NotificationArguments
{
    private const string TextPrefix = "t:";
    private const string DatePrefix = "d:";

    /// <summary>Strings and <see cref="DateOnly"/>s; anything else is stored as its invariant text.</summary>
    public static string[] Encode(IEnumerable<object> arguments) =>
        arguments.Select(a => a switch
        {
            DateOnly day => DatePrefix + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            _ => TextPrefix + Convert.ToString(a, CultureInfo.InvariantCulture),
        }).ToArray();

    /// <summary>The arguments ready for <see cref="string.Format(string, object[])"/> in the current culture.</summary>
    public static object[] Decode(IEnumerable<string> stored) =>
        stored.Select(s => s.StartsWith(DatePrefix, StringComparison.Ordinal)
                && DateOnly.TryParseExact(s[DatePrefix.Length..], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? (object)day
            : s.StartsWith(TextPrefix, StringComparison.Ordinal) ? s[TextPrefix.Length..] : s).ToArray();
}
