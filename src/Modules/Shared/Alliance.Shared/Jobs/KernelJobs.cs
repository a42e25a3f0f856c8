using Alliance.Shared.Mail;
using Alliance.Shared.Messaging;
using Hangfire;

namespace Alliance.Shared.Jobs;

/// <summary>The kernel's recurring jobs: sweepers that catch anything a lost signal left behind.</summary>
public static class KernelJobs
{
    public static void AddRecurringJobs(IRecurringJobManager jobs)
    {
        jobs.AddOrUpdate<OutboxDispatcher>("outbox-sweep", d => d.DispatchAllAsync(CancellationToken.None), Cron.Minutely(), JobSchedule.InAllianceZone());
        jobs.AddOrUpdate<EmailSender>("mail-send", s => s.SendDueAsync(CancellationToken.None), Cron.Minutely(), JobSchedule.InAllianceZone());
    }
}
