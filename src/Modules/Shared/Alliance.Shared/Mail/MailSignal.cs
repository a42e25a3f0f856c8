using Alliance.Shared.Messaging;
using Hangfire;

namespace Alliance.Shared.Mail;

/// <summary>
/// Wakes the sender once a queued mail is committed (called by the outbox interceptor after the commit), instead of
/// waiting for the minute sweep; sent off the caller's thread and coalesced (<see cref="JobSignals"/>): the sender sends
/// every due mail when it runs.
/// </summary>
public sealed class MailSignal(IBackgroundJobClient jobs, JobSignals signals)
{
    /// <summary>After a commit that queued mail, or when a run of the sender stopped at its limit with mail left.</summary>
    public void AfterCommit() =>
        signals.Want("mail", () => jobs.Enqueue<EmailSender>(sender => sender.SendDueAsync(CancellationToken.None)));
}
