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
}
