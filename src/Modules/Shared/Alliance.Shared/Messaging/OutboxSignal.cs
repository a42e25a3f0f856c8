using Alliance.Shared.Jobs;
using Hangfire;
using Microsoft.Extensions.Logging;

namespace Alliance.Shared.Messaging;

/// <summary>
/// Asks Hangfire to dispatch a module's outbox right away, instead of waiting for the minute sweeper; one waiting
/// dispatch job per module serves every event committed before it starts (<see cref="WakeUpJobs"/>).
/// Losing a signal (crash, Hangfire storage down) delays delivery until the sweeper; it loses nothing.
/// </summary>
public sealed class OutboxSignal(IBackgroundJobClient jobs, WakeUpJobs wakeUp, ILogger<OutboxSignal> logger)
{
    /// <summary>Asks for a dispatch of the module's outbox. Never throws (a lost signal is logged).</summary>
    public void Notify(string moduleName)
    {
        try
        {
            wakeUp.Enqueue<OutboxDispatcher>("outbox:" + moduleName, dispatcher => dispatcher.DispatchAsync(moduleName, CancellationToken.None));
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "Could not signal the outbox of {Module}; the sweeper will deliver", moduleName);
        }
    }

    /// <summary>
    /// Asks for a dispatch of the module's outbox once <paramref name="delay"/> is over (a retry after a failed
    /// delivery). The dispatch never runs before the retry is due (see <see cref="NotBefore"/>).
    /// </summary>
    public void NotifyAt(string moduleName, TimeSpan delay)
    {
        try
        {
            jobs.Schedule<OutboxDispatcher>(dispatcher => dispatcher.DispatchAsync(moduleName, CancellationToken.None),
                NotBefore(delay));
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "Could not schedule a retry of the outbox of {Module}; the sweeper will retry", moduleName);
        }
    }

    /// <summary>
    /// The delay to give Hangfire for a retry due after <paramref name="delay"/>: rounded up to whole seconds plus
    /// one. Hangfire keeps a delayed job's time as whole Unix seconds, cut off (JobHelper.ToTimestamp), so a job
    /// asked for 20:27:39.5 was started at 20:27:39.2, found the row not yet due, and the retry waited for the
    /// minute sweeper instead of 5 s.
    /// </summary>
    internal static TimeSpan NotBefore(TimeSpan delay) =>
        delay <= TimeSpan.Zero ? TimeSpan.Zero : TimeSpan.FromSeconds(Math.Ceiling(delay.TotalSeconds) + 1);
}
