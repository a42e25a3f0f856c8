namespace Alliance.Shared.Contracts;

/// <summary>
/// Asks the shared mail queue to send one e-mail. Modules render the text in the recipient's language and
/// publish this through their outbox, so the mail is queued if and only if their change committed.
/// </summary>
[EventName("mail.email-requested")]
public sealed record EmailRequested(
    string ToAddress,
    string ToName,
    string Subject,
    string TextBody,
    string? Category = null) : IntegrationEvent;
