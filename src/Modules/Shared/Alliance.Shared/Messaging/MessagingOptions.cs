namespace Alliance.Shared.Messaging;

/// <summary>Configuration section <c>Messaging</c>: outbox leases and how long delivered messages are kept.</summary>
public sealed class MessagingOptions
{
    public const string Section = "Messaging";

    /// <summary>Delivered outbox and inbox rows and the bodies of sent mails are deleted after this many days.</summary>
    public int RetentionDays { get; set; } = 30;

    /// <summary>
    /// How long a dispatcher or mail sender owns a claimed row. After a crash, the rows it held are claimed again
    /// once this has passed; it must be longer than the slowest subscriber or SMTP send.
    /// </summary>
    public int LeaseSeconds { get; set; } = 120;

    public TimeSpan Lease => TimeSpan.FromSeconds(Math.Max(1, LeaseSeconds));
}
