using Alliance.Shared.Jobs;
using Alliance.Meetings.Calendar;
using Alliance.Meetings.Demo;
using Alliance.Meetings.Meetings;
using Alliance.Meetings.Persistence;
using Alliance.Meetings.Resources;
using Alliance.Shared.Contracts;
using Alliance.Shared.Modules;
using Alliance.Shared.Persistence;
using Hangfire;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Alliance.Meetings;

/// <summary>Meetings: series and occurrences, agenda, invitations and registration, reminders, check-in, minutes, polls, iCalendar.</summary>
public sealed class MeetingsModule : IModule
{
    public string Name => MeetingsDbContext.Schema;

    public Type DbContextType => typeof(MeetingsDbContext);

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<MeetingsDbContext>(configuration, MeetingsDbContext.Schema);
        services.AddScoped<MeetingPermissions>();
        services.AddScoped<MeetingMails>();
        services.AddScoped<MeetingChanges>();
        services.AddScoped<Registrations.Waitlist>();
        services.AddScoped<Registrations.SeatDecisions>();
        services.AddSingleton<Registrations.RegistrationLanes>();
        services.AddScoped<Invitations>();
        services.AddScoped<Series.OccurrenceScheduler>();
        services.AddScoped<IcsWriter>();
        services.AddSingleton<CalendarFeedCache>();
        services.AddScoped<MeetingsJobs>();
        services.AddScoped<MeetingsDemoSeeder>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => MeetingsEndpoints.Map(endpoints);

    public IReadOnlyList<NavigationItem> Navigation =>
    [
        new("/meetings", "Nav_Meetings", typeof(MeetingsText), 30),
    ];

    public IReadOnlyList<DashboardCard> DashboardCards =>
    [
        DashboardCard.NeedingAttention(typeof(Pages.MeetingsDashboardCard), 20,
            (sender, ct) => sender.Send(new GetMeetingsOverview(Upcoming: 3), ct),
            o => o.Upcoming.Count > 0 || o.MinutesAwaitingApproval > 0 || o.OpenInvitations > 0),
    ];

    /// <summary>Occurrences hourly (alliance zone), reminders every 15 minutes. Both idempotent.</summary>
    public void AddRecurringJobs(IRecurringJobManager jobs)
    {
        jobs.AddOrUpdate<MeetingsJobs>("meetings-materialize", j => j.MaterializeAsync(CancellationToken.None), Cron.Hourly(5), JobSchedule.InAllianceZone());
        jobs.AddOrUpdate<MeetingsJobs>("meetings-reminders", j => j.RemindAsync(CancellationToken.None), "*/15 * * * *", JobSchedule.InAllianceZone());
    }

    public Task SeedDemoDataAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<MeetingsDemoSeeder>().SeedAsync(cancellationToken);
}
