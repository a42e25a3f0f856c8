using Alliance.Shared.Contracts;
using MediatR;

namespace Alliance.Shared.Mail;

/// <summary>
/// Takes a module's <see cref="EmailRequested"/> into the mail queue; the inbox makes this happen once per event.
/// The sender is woken after the commit (by the outbox interceptor), never before. Attachments are stored with the mail
/// in the same commit; a request over the caps fails here (kept as a failed message for administrators, not lost). A
/// subject or display name longer than its column is cut to fit (<see cref="EmailMessage.Fit"/>): a module composes
/// them from user text, and a mail that cannot be stored would be retried and never sent.
/// </summary>
internal sealed class QueueRequestedEmail(MailDbContext db, TimeProvider clock) : INotificationHandler<EmailRequested>
{
    public Task Handle(EmailRequested notification, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var attachments = notification.Attachments ?? [];
        EmailAttachment.EnsureWithinCaps(attachments);
        db.Messages.Add(new EmailMessage
        {
            Id = notification.EventId,
            ToAddress = notification.ToAddress,
            ToName = EmailMessage.Fit(notification.ToName, EmailMessage.MaxToNameLength),
            Subject = EmailMessage.Fit(notification.Subject, EmailMessage.MaxSubjectLength),
            TextBody = notification.TextBody,
            Category = notification.Category,
            Status = EmailStatus.Queued,
            QueuedAt = now,
            NextAttemptAt = now,
            Attachments = [.. attachments.Select((a, i) => new EmailMessageAttachment
            {
                Id = Guid.NewGuid(),
                MessageId = notification.EventId,
                Position = i,
                FileName = a.FileName,
                ContentType = a.ContentType,
                Content = a.Content,
            })],
        });
        return Task.CompletedTask;
    }
}
