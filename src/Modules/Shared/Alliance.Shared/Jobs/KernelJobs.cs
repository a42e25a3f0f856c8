using Alliance.Shared.Mail;
using Alliance.Shared.Messaging;
using Hangfire;
using MediatR;

namespace Alliance.Shared.Jobs;

/// <summary>The kernel's recurring jobs: sweepers that catch anything a lost signal left behind, and retention.</summary>
public static class KernelJobs
{
    public static void AddRecurringJobs(IRecurringJobManager jobs)
    {
        jobs.AddOrUpdate<OutboxDispatcher>("outbox-sweep", d => d.DispatchAllAsync(CancellationToken.None), Cron.Minutely(), JobSchedule.InAllianceZone());
        jobs.AddOrUpdate<EmailSender>("mail-send", s => s.SendDueAsync(CancellationToken.None), Cron.Minutely(), JobSchedule.InAllianceZone());
        jobs.AddOrUpdate<RetentionJob>("messaging-retention", j => j.RunAsync(CancellationToken.None), Cron.Daily(3, 30), JobSchedule.InAllianceZone());
    }
}

/// <summary>Deletes delivered messages and sent mail bodies past <c>Messaging:RetentionDays</c> (nightly).</summary>
public sealed class RetentionJob(IMediator mediator)
{
    public Task RunAsync(CancellationToken cancellationToken) => mediator.Send(new PurgeDeliveredMessages(), cancellationToken);
}
