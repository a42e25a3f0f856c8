using Alliance.Funding.Domain;
using Alliance.Funding.Persistence;
using Alliance.Shared.Contracts;
using Alliance.Shared.Errors;
using Alliance.Shared.Localization;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Funding.Reports;

/// <summary>
/// One drafted report with everything its page and the funder's narrative report (Sachbericht) show: the period and
/// its due day, the figures collected for it, the narrative sections, the refresh state, who submitted it when, and
/// what may be done now. 404 unless drafted.
/// </summary>
[AllowedFor(Who.Staff)]
internal sealed record GetReport(Guid ReportId) : IRequest<ReportView>;

/// <summary>A report as its page shows it. <see cref="Id"/> is the reporting period's id.</summary>
internal sealed record ReportView(
    Guid Id, Guid ApplicationId, string ApplicationTitle, ReportKind Kind, DateOnly From, DateOnly To, DateOnly Due,
    ReportState State, bool Overdue, ReportFigures Figures, DateTimeOffset DraftedAt, DateTimeOffset FiguresAt,
    ReportNarrative Narrative, RefreshState Refresh, DateTimeOffset? RefreshRequestedAt,
    DateTimeOffset? SubmittedAt, string? SubmittedByName, uint Version,
    bool CanEdit, bool CanRefresh, bool CanSubmit);

/// <summary>The narrative sections: goals, work done per work package (in work-package order), results, deviations, outlook.</summary>
internal sealed record ReportNarrative(string? Goals, IReadOnlyList<WorkPackageNarrative> WorkDone, string? Results, string? Deviations, string? Outlook);

internal sealed class GetReportHandler(FundingDbContext db, TimeProvider clock) : IRequestHandler<GetReport, ReportView>
{
    public async Task<ReportView> Handle(GetReport request, CancellationToken cancellationToken)
    {
        var row = await (from report in db.Reports.AsNoTracking()
                         join period in db.ReportingPeriods on report.ReportingPeriodId equals period.Id
                         join application in db.Applications on report.ApplicationId equals application.Id
                         where report.ReportingPeriodId == request.ReportId
                         select new { Report = report, Period = period, application.Title }).FirstOrDefaultAsync(cancellationToken)
            ?? throw NotFoundException.For("Report", request.ReportId);
        var (r, p) = (row.Report, row.Period);
        var today = AllianceTime.Today(clock);
        var submitted = r.SubmittedAt is not null;
        var refreshing = r.Refresh is RefreshState.Queued or RefreshState.Running;
        return new ReportView(
            r.ReportingPeriodId, r.ApplicationId, row.Title, p.Kind, p.From, p.To, p.Due,
            ReportStates.Of(p.To, true, submitted, today), ReportStates.Overdue(p.Due, submitted, today),
            ReportFigures.FromJson(r.Figures), r.DraftedAt, r.FiguresAt,
            new ReportNarrative(r.Goals, WorkPackageNarrative.FromJson(r.WorkDone), r.Results, r.Deviations, r.Outlook),
            r.Refresh, r.RefreshRequestedAt, r.SubmittedAt, r.SubmittedByName, r.Version,
            !submitted, !submitted && !refreshing, !submitted && !refreshing);
    }
}
