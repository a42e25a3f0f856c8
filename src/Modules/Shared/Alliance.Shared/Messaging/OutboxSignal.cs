using Hangfire;
using Microsoft.Extensions.Logging;

namespace Alliance.Shared.Messaging;

/// <summary>
/// Asks Hangfire to dispatch a module's outbox right away, instead of waiting for the minute sweeper.
/// Losing a signal (crash, Hangfire storage down) delays delivery until the sweeper; it loses nothing.
/// </summary>
public sealed class OutboxSignal(IBackgroundJobClient jobs, ILogger<OutboxSignal> logger)
{
    public void Notify(string moduleName)
    {
        try
        {
            jobs.Enqueue<OutboxDispatcher>(dispatcher => dispatcher.DispatchAsync(moduleName, CancellationToken.None));
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "Could not signal the outbox of {Module}; the sweeper will deliver", moduleName);
        }
    }

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
