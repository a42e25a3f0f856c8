using Alliance.Notifications.Resources;
using Microsoft.Extensions.Localization;

namespace Alliance.Notifications.Delivery;

/// <summary>Renders a stored notification in the current language.</summary>
internal static class NotificationTexts
{
    public static string Render(IStringLocalizer<NotificationsText> text, string textKey, string[] arguments) =>
        text[$"Notification_{textKey}", NotificationArguments.Decode(arguments)].Value;

    /// <summary>The kind's name, as the preferences page lists it.</summary>
    public static string KindLabel(IStringLocalizer<NotificationsText> text, Contracts.NotificationKind kind) => text[$"Kind_{kind}"].Value;

    /// <summary>The counted text: <c>Key_Zero</c>, <c>Key_One</c> or <c>Key_Other</c>, <c>{0}</c> being the count.</summary>
    public static string Counted(IStringLocalizer text, string key, int count, params object[] more) =>
        text[$"{key}_{count switch { 0 => "Zero", 1 => "One", _ => "Other" }}", [count, .. more]].Value;
}
