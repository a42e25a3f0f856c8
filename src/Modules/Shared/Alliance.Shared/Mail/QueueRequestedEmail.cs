using Alliance.Shared.Contracts;
using MediatR;

namespace Alliance.Shared.Mail;

/// <summary>
/// Takes a module's <see cref="EmailRequested"/> into the mail queue; the inbox makes this happen once per event.
/// The sender is woken after the commit (by the outbox interceptor), never before.
/// </summary>
internal sealed class QueueRequestedEmail(MailDbContext db, TimeProvider clock) : INotificationHandler<EmailRequested>
{
    public Task Handle(EmailRequested notification, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        db.Messages.Add(new EmailMessage
        {
            Id = notification.EventId,
            ToAddress = notification.ToAddress,
            ToName = notification.ToName,
            Subject = notification.Subject,
            TextBody = notification.TextBody,
            Category = notification.Category,
            Status = EmailStatus.Queued,
            QueuedAt = now,
            NextAttemptAt = now,
        });
        return Task.CompletedTask;
    }
}
