using Alliance.Shared.Localization;
using Hangfire;

namespace Alliance.Shared.Jobs;

/// <summary>How recurring jobs are scheduled: cron expressions are read in the alliance's zone (<c>App:TimeZone</c>).</summary>
public static class JobSchedule
{
    /// <summary>Options that make "0 7 * * *" mean 07:00 in the alliance's zone, DST included.</summary>
    public static RecurringJobOptions InAllianceZone() => new() { TimeZone = AllianceTime.Zone };
}
