namespace Alliance.Shared.Contracts;

/// <summary>
/// Asks the shared mail queue to send one e-mail. Modules render the text in the recipient's language and
/// publish this through their outbox, so the mail is queued if and only if their change committed.
/// Attachments travel with the request and are stored with the queued mail (at most
/// <see cref="EmailAttachment.MaxCount"/>, together at most <see cref="EmailAttachment.MaxTotalBytes"/>).
/// </summary>
[EventName("mail.email-requested")]
public sealed record EmailRequested(
    string ToAddress,
    string ToName,
    string Subject,
    string TextBody,
    string? Category = null,
    IReadOnlyList<EmailAttachment>? Attachments = null) : IntegrationEvent
{
    /// <summary>
    /// The person the mail is for, when it is one person of the directory: erasure finds the module's queued and
    /// delivered copies of the mail by it (GDPR Art. 17), without needing the address that Members already forgot.
    /// </summary>
    public Guid? RecipientPersonId { get; init; }

    /// <summary>This mail with one more attachment; throws if the caps would be exceeded (a composing fault, not user input).</summary>
    public EmailRequested WithAttachment(EmailAttachment attachment)
    {
        var attachments = (Attachments ?? []).Append(attachment).ToList();
        EmailAttachment.EnsureWithinCaps(attachments);
        return this with { Attachments = attachments };
    }
}

/// <summary>A file sent with a mail, e.g. a meeting's .ics (<c>text/calendar; method=REQUEST</c>).</summary>
public sealed record EmailAttachment(string FileName, string ContentType, byte[] Content)
{
    /// <summary>Attachments one mail may carry.</summary>
    public const int MaxCount = 5;

    /// <summary>Bytes all attachments of one mail may have together (they are stored in the outbox and the queue).</summary>
    public const int MaxTotalBytes = 512 * 1024;

    /// <summary>Longest stored file name.</summary>
    public const int MaxFileNameLength = 200;

    /// <summary>Longest stored content type.</summary>
    public const int MaxContentTypeLength = 200;

    /// <summary>Throws <see cref="ArgumentException"/> if the attachments exceed a cap.</summary>
    public static void EnsureWithinCaps(IReadOnlyCollection<EmailAttachment> attachments)
    {
        if (attachments.Count > MaxCount)
        {
            throw new ArgumentException($"A mail carries at most {MaxCount} attachments.", nameof(attachments));
        }

        if (attachments.Sum(a => (long)a.Content.Length) > MaxTotalBytes)
        {
            throw new ArgumentException($"A mail's attachments may have at most {MaxTotalBytes} bytes together.", nameof(attachments));
        }

        if (attachments.Any(a => string.IsNullOrWhiteSpace(a.FileName) || a.FileName.Length > MaxFileNameLength
            || string.IsNullOrWhiteSpace(a.ContentType) || a.ContentType.Length > MaxContentTypeLength))
        {
            throw new ArgumentException("An attachment needs a file name and a content type of a storable length.", nameof(attachments));
        }
    }
}
