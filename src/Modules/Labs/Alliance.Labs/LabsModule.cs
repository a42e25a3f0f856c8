using Alliance.Shared.Jobs;
using Alliance.Labs.ActionItems;
using Alliance.Labs.Common;
using Alliance.Labs.Demo;
using Alliance.Labs.Persistence;
using Alliance.Labs.Programmes;
using Alliance.Labs.Resources;
using Alliance.Shared.Components;
using Alliance.Shared.Contracts;
using Alliance.Shared.Modules;
using Alliance.Shared.Persistence;
using Hangfire;
using MediatR;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Alliance.Labs;

/// <summary>Reallabore: action fields, labs, membership, proposals, outcomes, action items, matching, programmes.</summary>
/// <remarks>
/// AutoMapper: the labs have no profile, on purpose — every read model is a hand-written <c>Select</c>, which is
/// clearer here than <c>ProjectTo</c>. Nearly every DTO combines its entity with what a map cannot say: counts and
/// names from other tables in the same SQL (members per lab, supports, matches), names asked from Members in one
/// batch and hidden by <c>LabPermissions.MaySeeName</c>, and <c>Can…</c> flags computed by <c>LabPermissions</c> for
/// the current user. Maps would need a custom <c>MapFrom</c> for most members plus runtime parameters — the same
/// expressions moved away from the query that needs them. One way for the whole module, no half-and-half.
/// </remarks>
public sealed class LabsModule : IModule
{
    public string Name => LabsDbContext.Schema;

    public Type DbContextType => typeof(LabsDbContext);

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<LabsDbContext>(configuration, LabsDbContext.Schema);
        services.Configure<LabsOptions>(configuration.GetSection(LabsOptions.Section));
        services.AddScoped<LabPermissions>();
        services.AddScoped<OrganizationCopies>();
        services.AddScoped<PeopleNames>();
        services.AddScoped<LabsDemoSeeder>();
        services.AddScoped<LabsJobs>();
        services.AddPickerSource<Pickers.LabPickerSource>();
        services.AddPickerSource<Pickers.ProposalPickerSource>();
        services.AddPickerSource<Pickers.OfferPickerSource>();
        services.AddRecordPickerSource<Pickers.ActionItemOwnerPickerSource>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => LabsEndpoints.Map(endpoints);

    public IReadOnlyList<NavigationItem> Navigation =>
    [
        new("/labs", "Nav_Labs", typeof(LabsText), 20),
        new("/labs/proposals", "Nav_Proposals", typeof(LabsText), 21),
        new("/labs/needs", "Nav_Matching", typeof(LabsText), 22),
        new("/labs/my-action-items", "Nav_MyActionItems", typeof(LabsText), 23),
    ];

    public IReadOnlyList<DashboardCard> DashboardCards =>
    [
        DashboardCard.NeedingAttention(typeof(Pages.LabsStaffCard), 20,
            (sender, ct) => sender.Send(new Dashboard.GetLabsStaffCard(), ct), card => card.HasSomething,
            Roles.Staff, Roles.Administrator),
        DashboardCard.NeedingAttention(typeof(Pages.LabsRepresentativeCard), 21,
            (sender, ct) => sender.Send(new Dashboard.GetLabsRepresentativeCard(), ct), card => card.HasSomething,
            Roles.Representative),
    ];

    public void AddRecurringJobs(IRecurringJobManager jobs)
    {
        jobs.AddOrUpdate<LabsJobs>("labs-overdue-action-items", j => j.SendOverdueRemindersAsync(CancellationToken.None),
            "0 7 * * *", JobSchedule.InAllianceZone());
        jobs.AddOrUpdate<LabsJobs>("labs-programme-follow-up", j => j.SendFollowUpRemindersAsync(CancellationToken.None),
            "15 7 * * *", JobSchedule.InAllianceZone());
    }

    public Task SeedDemoDataAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<LabsDemoSeeder>().SeedAsync(cancellationToken);
}

/// <summary>Settings section <c>Labs</c>.</summary>
internal sealed class LabsOptions
{
    public const string Section = "Labs";

    /// <summary>Days without contact after which staff are reminded about a programme participant.</summary>
    public int FollowUpDays { get; set; } = 90;
}

/// <summary>The daily jobs: thin, each sends one request into the module.</summary>
internal sealed class LabsJobs(IMediator mediator)
{
    public Task SendOverdueRemindersAsync(CancellationToken ct) => mediator.Send(new SendOverdueReminders(), ct);

    public Task SendFollowUpRemindersAsync(CancellationToken ct) => mediator.Send(new SendFollowUpReminders(), ct);
}
