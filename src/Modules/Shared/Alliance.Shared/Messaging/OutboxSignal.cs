using Hangfire;
using Microsoft.Extensions.Logging;

namespace Alliance.Shared.Messaging;

/// <summary>
/// Asks Hangfire to dispatch a module's outbox right away, instead of waiting for the minute sweeper.
/// Losing a signal (crash, Hangfire storage down) delays delivery until the sweeper; it loses nothing.
/// </summary>
public sealed class OutboxSignal(IBackgroundJobClient jobs, JobSignals signals, ILogger<OutboxSignal> logger)
{
    /// <summary>After a commit that added events: a dispatch of the module's outbox, sent off the caller's thread and coalesced (<see cref="JobSignals"/>).</summary>
    public void Notify(string moduleName) =>
        signals.Want("outbox:" + moduleName, () => jobs.Enqueue<OutboxDispatcher>(dispatcher => dispatcher.DispatchAsync(moduleName, CancellationToken.None)));

    /// <summary>Asks for a dispatch of the module's outbox after a delay (a retry after a failed delivery).</summary>
    public void NotifyAt(string moduleName, TimeSpan delay)
    {
        try
        {
            jobs.Schedule<OutboxDispatcher>(dispatcher => dispatcher.DispatchAsync(moduleName, CancellationToken.None),
                delay < TimeSpan.Zero ? TimeSpan.Zero : delay);
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "Could not schedule a retry of the outbox of {Module}; the sweeper will retry", moduleName);
        }
    }
}
