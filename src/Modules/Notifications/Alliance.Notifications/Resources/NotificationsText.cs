namespace Alliance.Notifications.Resources;

/// <summary>Marker for the module's texts: NotificationsText.resx (German, default) and NotificationsText.en.resx.</summary>
public sealed class NotificationsText;
