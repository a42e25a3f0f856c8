using Hangfire;

namespace Alliance.Shared.Mail;

/// <summary>
/// Wakes the sender once a queued mail is committed (called by the outbox interceptor after the commit), instead of
/// waiting for the minute sweep.
/// </summary>
internal sealed class MailSignal(IBackgroundJobClient jobs)
{
    public void AfterCommit()
    {
        try
        {
            jobs.Enqueue<EmailSender>(sender => sender.SendDueAsync(CancellationToken.None));
        }
        catch (Exception)
        {
            // The recurring sweep sends it; a lost signal only delays.
        }
    }
}
