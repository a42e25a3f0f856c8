using Alliance.Shared.Jobs;
using Alliance.Shared.Modules;
using Hangfire;

namespace Alliance.Host.Startup;

/// <summary>
/// Registers the kernel's and every module's recurring jobs without holding up start-up. Hangfire takes a
/// distributed lock per recurring job (a row in <c>hangfire.lock</c>); a process killed while holding one leaves
/// the row behind, and Hangfire.PostgreSql removes it only once it is older than
/// <c>DistributedLockTimeout</c> (<c>Jobs:StaleLockTimeout</c>). Until then each attempt times out; the host is
/// already serving, and the attempt is repeated until every job is registered.
/// </summary>
internal static class RecurringJobsStartup
{
    public static void RegisterInBackground(IServiceProvider services, CancellationToken stopping)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RecurringJobsStartup));
        _ = Task.Run(async () =>
        {
            for (var attempt = 1; !stopping.IsCancellationRequested; attempt++)
            {
                try
                {
                    Register(services);
                    return;
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    logger.LogWarning(exception, "Recurring jobs not registered yet (attempt {Attempt}); trying again shortly.", attempt);
                }

                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(Math.Min(attempt * 2, 10)), stopping);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }, CancellationToken.None);
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
