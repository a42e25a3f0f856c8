namespace Alliance.Shared.Mail;

public enum EmailStatus
{
    Queued = 0,
    Sent = 1,
    Failed = 2,
}

/// <summary>A queued e-mail. Kept after sending as the office's log of what went out.</summary>
public sealed class EmailMessage
{
    public Guid Id { get; set; }
    public required string ToAddress { get; set; }
    public required string ToName { get; set; }
    public required string Subject { get; set; }
    public required string TextBody { get; set; }
    public string? Category { get; set; }
    public EmailStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset QueuedAt { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>A sender claimed the mail until then; after a crash it is claimable again once this has passed.</summary>
    public DateTimeOffset? LockedUntil { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public string? LastError { get; set; }

    /// <summary>Files sent with the mail, stored with it (table <c>email_attachments</c>), in the order given.</summary>
    public List<EmailMessageAttachment> Attachments { get; set; } = [];
}

/// <summary>A file stored with a queued mail (see <see cref="Contracts.EmailAttachment"/> for the caps).</summary>
public sealed class EmailMessageAttachment
{
    public Guid Id { get; set; }
    public Guid MessageId { get; set; }

    /// <summary>Order within the mail.</summary>
    public int Position { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public required byte[] Content { get; set; }
}
