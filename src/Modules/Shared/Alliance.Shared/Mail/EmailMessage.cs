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
    /// <summary>Characters of the subject column; a longer subject is cut to it (<see cref="Fit"/>).</summary>
    public const int MaxSubjectLength = 500;

    /// <summary>Characters of the recipient's display-name column; a longer name is cut to it.</summary>
    public const int MaxToNameLength = 300;

    /// <summary>
    /// <paramref name="text"/> cut to <paramref name="length"/> characters, ending in "…" when cut. Subjects are composed
    /// of a fixed part and user text ("Neue Aufgabe: " + a title of up to 500 characters): a mail must still be queued,
    /// and a subject is a line to recognise the mail by, not the place for the whole text (the body carries it).
    /// </summary>
    public static string Fit(string text, int length) => text.Length <= length ? text : text[..(length - 1)].TrimEnd() + "…";

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
