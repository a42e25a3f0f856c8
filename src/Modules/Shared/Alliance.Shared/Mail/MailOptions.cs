namespace Alliance.Shared.Mail;

/// <summary>Configuration section <c>Mail</c>. Without an SMTP host, mails are written as .eml files.</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    public string FromAddress { get; set; } = "allianz@wirtschaftsfoerderung.example";
    public string FromName { get; set; } = "Wirtschaftsallianz";
    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; } = 587;
    public string? SmtpUser { get; set; }
    public string? SmtpPassword { get; set; }
    public bool SmtpUseStartTls { get; set; } = true;
    public string PickupDirectory { get; set; } = ".data/mail";
    public int MaxAttempts { get; set; } = 8;

    /// <summary>
    /// A pause before each .eml file is written (pickup folder only): makes the folder behave like a slow SMTP
    /// server, for the crash test and for trying out the queue by hand. 0 in production.
    /// </summary>
    public int PickupDelayMilliseconds { get; set; }
}
