using Alliance.Shared.Messaging;
using Alliance.Shared.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Alliance.Shared.Mail;

/// <summary>
/// Sends due mails from the queue, one at a time: a mail is claimed in one short statement
/// (<c>FOR UPDATE SKIP LOCKED</c>, attempt counted, leased until <see cref="MessagingOptions.LeaseSeconds"/> from
/// now), sent with no transaction open, and marked sent on its own straight after. A crash repeats at most the one
/// mail in flight (claimed again when its lease has expired, with the same Message-Id); two senders never take the
/// same mail. A failed send is retried with growing pauses until <see cref="MailOptions.MaxAttempts"/>.
/// </summary>
public sealed class EmailSender(
    MailDbContext db,
    IEmailTransport transport,
    IOptions<MailOptions> options,
    IOptions<MessagingOptions> messaging,
    TimeProvider clock,
    MessagingMetrics metrics,
    MailSignal signal,
    ILogger<EmailSender> logger)
{
    /// <summary>Mails one run sends at most before it asks for another run behind whatever else is queued.</summary>
    public const int MaxPerRun = 50;

    /// <summary>
    /// Sends what is due (at most <see cref="MaxPerRun"/>; if that many were claimed, asks for another run, since
    /// one waiting run serves many queued mails). Returns how many went out.
    /// </summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken = default)
    {
        var sent = 0;
        var claimed = 0;
        while (claimed < MaxPerRun && !cancellationToken.IsCancellationRequested)
        {
            var message = await ClaimNextAsync(cancellationToken);
            if (message is null)
            {
                return sent;
            }

            claimed++;
            if (await SendAsync(message, cancellationToken))
            {
                sent++;
            }
        }

        if (claimed == MaxPerRun)
        {
            signal.AfterCommit();
        }

        return sent;
    }

    private async Task<EmailMessage?> ClaimNextAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var claimed = await db.Messages
            .FromSqlRaw(
                """
                UPDATE mail.email_messages AS m
                SET "LockedUntil" = {0}, "Attempts" = m."Attempts" + 1
                WHERE m."Id" = (
                    SELECT "Id" FROM mail.email_messages
                    WHERE "Status" = 0 AND "NextAttemptAt" <= {1} AND ("LockedUntil" IS NULL OR "LockedUntil" <= {1})
                    ORDER BY "QueuedAt"
                    LIMIT 1
                    FOR UPDATE SKIP LOCKED)
                RETURNING m.*
                """, Lease.Until(now, messaging.Value.Lease), now)
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        return claimed.SingleOrDefault();
    }

    private async Task<bool> SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var lease = message.LockedUntil;
        using var activity = AllianceTelemetry.Messaging.StartActivity("mail send");
        activity?.SetTag("alliance.mail.id", message.Id);
        activity?.SetTag("alliance.mail.attempt", message.Attempts);
        message.Attachments = await db.Attachments.AsNoTracking()
            .Where(a => a.MessageId == message.Id).OrderBy(a => a.Position).ToListAsync(cancellationToken);
        try
        {
            await transport.SendAsync(ToMime(message), cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning(exception, "Sending mail {Id} failed (attempt {Attempt})", message.Id, message.Attempts);
            var error = exception.Message.Length > 4000 ? exception.Message[..4000] : exception.Message;
            var giveUp = message.Attempts >= options.Value.MaxAttempts;
            metrics.MailFailed(giveUp);
            activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, error);
            var next = clock.GetUtcNow() + TimeSpan.FromMinutes(Math.Pow(2, message.Attempts));
            await db.Messages.Where(m => m.Id == message.Id && m.LockedUntil == lease)
                .ExecuteUpdateAsync(row => row
                    // Given up: the row stays as Failed (with its last error) in the office's mail log.
                    .SetProperty(m => m.Status, giveUp ? EmailStatus.Failed : EmailStatus.Queued)
                    .SetProperty(m => m.LastError, error)
                    .SetProperty(m => m.NextAttemptAt, next)
                    .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null), CancellationToken.None);
            if (giveUp)
            {
                logger.LogError("Mail {Id} to {Address} failed {Attempts} times and will not be retried: {Error}",
                    message.Id, message.ToAddress, message.Attempts, error);
            }

            return false;
        }

        // Marked at once, not with a batch: a crash after this mail does not send it again. Not cancellable: it went out.
        var sentAt = clock.GetUtcNow();
        await db.Messages.Where(m => m.Id == message.Id)
            .ExecuteUpdateAsync(row => row
                .SetProperty(m => m.Status, EmailStatus.Sent)
                .SetProperty(m => m.SentAt, sentAt)
                .SetProperty(m => m.LastError, (string?)null)
                .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null), CancellationToken.None);
        metrics.MailSent();
        return true;
    }

    /// <summary>
    /// Every part says how it is encoded: text in UTF-8 as quoted-printable (umlauts stay readable in the source and pass
    /// any 7-bit relay), files as base64. Without a Content-Transfer-Encoding a relay may take raw UTF-8 for 7-bit ASCII.
    /// </summary>
    private static void DeclareEncodings(MimeMessage mime)
    {
        foreach (var part in mime.BodyParts.OfType<MimePart>())
        {
            if (part is TextPart text && !part.IsAttachment)
            {
                text.ContentType.Charset = "utf-8";
                text.ContentTransferEncoding = ContentEncoding.QuotedPrintable;
            }
            else
            {
                part.ContentTransferEncoding = ContentEncoding.Base64;
            }
        }
    }

    /// <summary>Plain text alone, or multipart/mixed with the attachments. The Message-Id comes from the queued mail's id: a repeat after a crash carries the same one.</summary>
    private MimeMessage ToMime(EmailMessage message)
    {
        var settings = options.Value;
        var body = new BodyBuilder { TextBody = message.TextBody };
        foreach (var attachment in message.Attachments)
        {
            var part = (MimePart)body.Attachments.Add(attachment.FileName, attachment.Content, ContentType.Parse(attachment.ContentType));
            // Base64 keeps the bytes as they are (an .ics needs its CRLF line ends; 7bit text would be re-wrapped).
            part.ContentTransferEncoding = ContentEncoding.Base64;
        }

        var mime = new MimeMessage
        {
            Subject = message.Subject,
            MessageId = $"{message.Id:N}@alliance",
            Body = body.ToMessageBody(),
        };
        mime.From.Add(new MailboxAddress(settings.FromName, settings.FromAddress));
        mime.To.Add(new MailboxAddress(message.ToName, message.ToAddress));
        DeclareEncodings(mime);
        return mime;
    }
}
