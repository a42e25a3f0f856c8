using Alliance.Shared.Jobs;
using Alliance.Shared.Modules;
using Hangfire;

namespace Alliance.Host.Startup;

/// <summary>
/// Registers the kernel's and every module's recurring jobs without letting a dead process hold up start-up.
/// Hangfire takes a distributed lock per recurring job (a row in <c>hangfire.lock</c>); a process killed while
/// holding one leaves the row behind, and Hangfire.PostgreSql removes it only once it is older than
/// <c>DistributedLockTimeout</c> (<c>Jobs:StaleLockTimeout</c>). Normally registration takes a moment and start-up
/// waits for it; if it does not finish within <see cref="StartupWait"/> (or fails on such a lock), the host starts
/// serving and registration goes on in the background until every job is registered.
/// </summary>
internal static class RecurringJobsStartup
{
    /// <summary>How long start-up waits for the registration before leaving it to the background.</summary>
    public static readonly TimeSpan StartupWait = TimeSpan.FromSeconds(3);

    public static async Task RegisterAsync(IServiceProvider services, CancellationToken stopping)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RecurringJobsStartup));
        var first = Task.Run(() => Register(services), CancellationToken.None);
        if (await Task.WhenAny(first, Task.Delay(StartupWait, stopping)) == first && first.IsCompletedSuccessfully)
        {
            return;
        }

        logger.LogWarning("Recurring jobs are not registered yet (a lock left by a stopped process?); the host starts and keeps trying.");
        _ = Task.Run(() => RetryAsync(first, services, logger, stopping), CancellationToken.None);
    }

    private static async Task RetryAsync(Task first, IServiceProvider services, ILogger logger, CancellationToken stopping)
    {
        var attempt = first;
        for (var number = 1; !stopping.IsCancellationRequested; number++)
        {
            try
            {
                await attempt;
                logger.LogInformation("Recurring jobs registered (attempt {Attempt}).", number);
                return;
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "Recurring jobs not registered yet (attempt {Attempt}); trying again shortly.", number);
            }

            try
            {
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(number * 2, 10)), stopping);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            attempt = Task.Run(() => Register(services), CancellationToken.None);
        }
    }

    /// <summary>AddOrUpdate is idempotent: a job registered by an earlier attempt is simply updated.</summary>
    private static void Register(IServiceProvider services)
    {
        var jobs = services.GetRequiredService<IRecurringJobManager>();
        KernelJobs.AddRecurringJobs(jobs);
        foreach (var module in services.GetServices<IModule>())
        {
            module.AddRecurringJobs(jobs);
        }
    }
}
