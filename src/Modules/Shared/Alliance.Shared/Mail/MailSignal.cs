using Hangfire;

namespace Alliance.Shared.Mail;

/// <summary>Schedules the sender a moment after the queueing transaction, instead of waiting for the minute sweep.</summary>
internal sealed class MailSignal(IBackgroundJobClient jobs)
{
    public void AfterCommit()
    {
        try
        {
            jobs.Schedule<EmailSender>(sender => sender.SendDueAsync(CancellationToken.None), TimeSpan.FromSeconds(1));
        }
        catch (Exception)
        {
            // The recurring sweep sends it; a lost signal only delays.
        }
    }
}
