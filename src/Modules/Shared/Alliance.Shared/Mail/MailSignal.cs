using Alliance.Shared.Jobs;

namespace Alliance.Shared.Mail;

/// <summary>
/// Wakes the sender once a queued mail is committed (called by the outbox interceptor after the commit), instead of
/// waiting for the minute sweep; one waiting sender job serves every mail committed before it starts
/// (<see cref="WakeUpJobs"/>).
/// </summary>
public sealed class MailSignal(WakeUpJobs wakeUp)
{
    /// <summary>Asks for a sender run. Never throws: a lost signal only delays the mail until the sweep.</summary>
    public void AfterCommit()
    {
        try
        {
            wakeUp.Enqueue<EmailSender>("mail", sender => sender.SendDueAsync(CancellationToken.None));
        }
        catch (Exception)
        {
            // The recurring sweep sends it; a lost signal only delays.
        }
    }
}
