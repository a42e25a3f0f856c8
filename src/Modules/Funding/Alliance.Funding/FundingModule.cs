using Alliance.Funding.Common;
using Alliance.Funding.Persistence;
using Alliance.Funding.Reminders;
using Alliance.Funding.Resources;
using Alliance.Shared.Components;
using Alliance.Shared.Contracts;
using Alliance.Shared.Jobs;
using Alliance.Shared.Modules;
using Alliance.Shared.Persistence;
using Hangfire;
using MediatR;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Alliance.Funding;

/// <summary>Förderung: calls radar with deadline reminders, applications with budget and co-financing, workflow, expenses and drawdowns, reporting obligations drafted by a job.</summary>
/// <remarks>
/// <para>Schema <c>funding</c> (snake_case columns, enums stored by name, amounts numeric(14,2) in EUR):</para>
/// <list type="bullet">
/// <item><c>calls</c> — funder, programme, title, link, <c>submission_deadline</c>, <c>funding_rate</c> (percent),
/// <c>max_amount</c>, <c>preset</c> (FederalAza|FederalAzap|LandFlatRate|Custom), <c>cost_categories</c> (text[]),
/// <c>flat_rate</c> (percent on direct costs, or null), notes, <c>responsible_person_id</c> (reminded), <c>xmin</c>;
/// <c>call_reminders</c> (call + days before: one reminder per call and threshold).</item>
/// <item><c>applications</c> — call, title, public <c>summary</c>, <c>applicant_organization_id</c>, project period,
/// <c>status</c>, <c>city_contribution</c>, <c>xmin</c>; <c>partners</c> (organisation + role), <c>work_packages</c>,
/// <c>milestones</c>, <c>budget_lines</c> (year × category, unique), <c>member_contributions</c> (organisation,
/// amount, letter of intent + date).</item>
/// <item><c>transitions</c> — the audit trail: from, to, at, by (person id + name at the time), comment;
/// <c>grants</c> (granted amount per year) and <c>reporting_periods</c> (interim/final, from, to, due).</item>
/// <item><c>expenses</c> (date, year, category, amount, description, receipt reference, payee) and
/// <c>drawdowns</c> (date, amount).</item>
/// <item><c>exports</c> — funder exports: kind, language, state, progress, who asked (person id + name at the time), when,
/// finished, file name, type, size and the file (bytea, written and read as a stream); the audit record of exports.
/// <c>documents</c> — files attached to an application (proposal, letters of intent): kind, file name, type, size
/// (at most 5 MB), content (bytea), added when and by whom.</item>
/// <item><c>reports</c> — one per reporting period (key <c>reporting_period_id</c>): <c>figures</c> (jsonb: the period's
/// statistics from Members, Meetings, Labs, Surveys and the money of the period), drafted/figures instants, narrative
/// sections (<c>goals</c>, <c>work_done</c> jsonb per work package, <c>results</c>, <c>deviations</c>, <c>outlook</c>),
/// <c>refresh</c> state (None|Queued|Running|Failed) with its request instant, submitted at/by, <c>xmin</c>.</item>
/// </list>
/// </remarks>
public sealed class FundingModule : IModule
{
    public string Name => FundingDbContext.Schema;

    public Type DbContextType => typeof(FundingDbContext);

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<FundingDbContext>(configuration, FundingDbContext.Schema);
        services.Configure<FundingOptions>(configuration.GetSection(FundingOptions.Section));
        services.AddScoped<FundingPermissions>();
        services.AddPickerSource<Pickers.CallPickerSource>();
        services.AddScoped<Workflow.AuditTrail>();
        services.AddScoped<FundingJobs>();
        services.AddScoped<Exports.NumericalProof>();
        services.AddScoped<Exports.NarrativeReport>();
        services.AddScoped<Reports.ReportFiguresCollector>();
        services.AddScoped<Demo.FundingDemoSeeder>();
    }

    /// <summary>Deadline reminders at 08:00 and report drafts at 06:00, alliance zone; both idempotent.</summary>
    public void AddRecurringJobs(IRecurringJobManager jobs)
    {
        jobs.AddOrUpdate<FundingJobs>("funding-call-reminders", j => j.SendCallRemindersAsync(CancellationToken.None), "0 8 * * *", JobSchedule.InAllianceZone());
        jobs.AddOrUpdate<FundingJobs>("funding-report-drafts", j => j.DraftDueReportsAsync(CancellationToken.None), "0 6 * * *", JobSchedule.InAllianceZone());
    }

    public Task SeedDemoDataAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<Demo.FundingDemoSeeder>().SeedAsync(cancellationToken);

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => FundingEndpoints.Map(endpoints);

    public IReadOnlyList<NavigationItem> Navigation =>
    [
        new("/funding", "Nav_Funding", typeof(FundingText), 45, Roles.Staff, Roles.Administrator),
    ];

    public IReadOnlyList<DashboardCard> DashboardCards =>
    [
        DashboardCard.NeedingAttention(typeof(Pages.FundingStaffCard), 45,
            (sender, ct) => sender.Send(new Dashboard.GetFundingStaffCard(), ct), card => card.HasSomething,
            Roles.Staff, Roles.Administrator),
        DashboardCard.NeedingAttention(typeof(Pages.FundingRepresentativeCard), 46,
            (sender, ct) => sender.Send(new Dashboard.ListMyFundingApplications(), ct), applications => applications.Count > 0,
            Roles.Representative),
    ];
}

/// <summary>The module's jobs: thin, each sends its request(s) into the module.</summary>
internal sealed class FundingJobs(IMediator mediator)
{
    public Task SendCallRemindersAsync(CancellationToken ct) => mediator.Send(new SendCallReminders(), ct);

    /// <summary>Writes one queued funder export (enqueued by <see cref="Exports.RequestFunderExport"/>).</summary>
    public Task RunExportAsync(Guid exportId, CancellationToken ct) => mediator.Send(new Exports.RunFunderExport(exportId), ct);
    /// <summary>Daily: drafts the reports of ended reporting periods.</summary>
    public Task DraftDueReportsAsync(CancellationToken ct) => mediator.Send(new Reports.DraftDueReports(), ct);

    /// <summary>On demand (<see cref="Reports.RefreshReport"/>): collects a report's figures again, recording running and failed for its page.</summary>
    public async Task RefreshReportAsync(Guid reportId, CancellationToken ct)
    {
        await mediator.Send(new Reports.TrackReportRefresh(reportId, Domain.RefreshState.Running), ct);
        try
        {
            await mediator.Send(new Reports.DraftReport(reportId, Refresh: true), ct);
        }
        catch (Exception) when (!ct.IsCancellationRequested)
        {
            // The page says so; Hangfire retries the job and the state moves on with it.
            await mediator.Send(new Reports.TrackReportRefresh(reportId, Domain.RefreshState.Failed), CancellationToken.None);
            throw;
        }
    }
}
