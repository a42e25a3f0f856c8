using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Alliance.Shared.Mail;

/// <summary>
/// Sends due mails from the queue. Rows are claimed with <c>FOR UPDATE SKIP LOCKED</c>, so two senders never
/// send one mail twice; a failed send is retried with growing pauses until <see cref="MailOptions.MaxAttempts"/>.
/// </summary>
public sealed class EmailSender(
    MailDbContext db,
    IEmailTransport transport,
    IOptions<MailOptions> options,
    TimeProvider clock,
    ILogger<EmailSender> logger)
{
    public async Task<int> SendDueAsync(CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var due = await db.Messages
            .FromSqlRaw(
                """
                SELECT * FROM mail.email_messages
                WHERE "Status" = 0 AND "NextAttemptAt" <= {0}
                ORDER BY "QueuedAt"
                LIMIT 50
                FOR UPDATE SKIP LOCKED
                """, clock.GetUtcNow())
            .ToListAsync(cancellationToken);

        var sent = 0;
        foreach (var message in due)
        {
            message.Attempts++;
            try
            {
                await transport.SendAsync(ToMime(message), cancellationToken);
                message.Status = EmailStatus.Sent;
                message.SentAt = clock.GetUtcNow();
                message.LastError = null;
                sent++;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Sending mail {Id} failed (attempt {Attempt})", message.Id, message.Attempts);
                message.LastError = exception.Message;
                message.NextAttemptAt = clock.GetUtcNow() + TimeSpan.FromMinutes(Math.Pow(2, message.Attempts));
                if (message.Attempts >= options.Value.MaxAttempts)
                {
                    // Given up: the row stays as Failed (with its last error) in the office's mail log.
                    message.Status = EmailStatus.Failed;
                    logger.LogError("Mail {Id} to {Address} failed {Attempts} times and will not be retried: {Error}",
                        message.Id, message.ToAddress, message.Attempts, message.LastError);
                }
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return sent;
    }

    private MimeMessage ToMime(EmailMessage message)
    {
        var settings = options.Value;
        var mime = new MimeMessage
        {
            Subject = message.Subject,
            MessageId = $"{message.Id:N}@alliance",
            Body = new TextPart("plain") { Text = message.TextBody },
        };
        mime.From.Add(new MailboxAddress(settings.FromName, settings.FromAddress));
        mime.To.Add(new MailboxAddress(message.ToName, message.ToAddress));
        return mime;
    }
}
