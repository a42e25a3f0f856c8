using Alliance.Notifications.Contracts;

namespace Alliance.Notifications.Domain;

/// <summary>
/// One in-app notification for one person. The text is not stored: <see cref="TextKey"/> and <see cref="Arguments"/>
/// are, so the reader sees it in the language they read in.
/// </summary>
internal sealed class Notification
{
    public const int TextKeyLength = 100;
    public const int LinkLength = 500;

    public Guid Id { get; set; }
    public Guid PersonId { get; set; }
    public NotificationKind Kind { get; set; }

    /// <summary>The text's key without prefix: <c>Notification_{TextKey}</c> in-app, <c>Mail_{TextKey}_Subject/_Body</c> by mail.</summary>
    public required string TextKey { get; set; }

    /// <summary>Encoded by <see cref="Delivery.NotificationArguments"/>: texts and dates.</summary>
    public string[] Arguments { get; set; } = [];

    /// <summary>Where the notification leads: a path inside Alliance.</summary>
    public required string Link { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ReadAt { get; set; }
}

/// <summary>A person's choice for one kind. No row means the default: in-app and by e-mail.</summary>
internal sealed class NotificationPreference
{
    public Guid PersonId { get; set; }
    public NotificationKind Kind { get; set; }
    public bool Mail { get; set; }
}
