using Alliance.Funding.Common;
using Alliance.Funding.Domain;
using Alliance.Funding.Persistence;
using Alliance.Shared.Contracts;
using Alliance.Shared.Localization;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Funding.Reports;

/// <summary>An application's reporting obligations from its grant conditions, by period, with due day and state. 404 for an unknown application.</summary>
[AllowedFor(Who.Staff)]
internal sealed record ListReports(Guid ApplicationId) : IRequest<ApplicationReports>;

/// <summary>The obligations of one application.</summary>
internal sealed record ApplicationReports(Guid ApplicationId, string ApplicationTitle, ApplicationStatus Status, IReadOnlyList<ReportItem> Reports);

/// <summary>
/// One obligation: <see cref="Id"/> is the reporting period's id (and the report's, once drafted); <see cref="Drafted"/>
/// says whether its report page exists, <see cref="CanDraft"/> whether staff may draft it now (<see cref="DraftReportNow"/>:
/// the period has ended, no draft yet, the application holds a grant).
/// </summary>
internal sealed record ReportItem(Guid Id, ReportKind Kind, DateOnly From, DateOnly To, DateOnly Due, ReportState State, bool Overdue,
    bool Drafted, DateTimeOffset? FiguresAt, DateTimeOffset? SubmittedAt, bool CanDraft);

internal sealed class ListReportsHandler(FundingDbContext db, FundingPermissions permissions, TimeProvider clock) : IRequestHandler<ListReports, ApplicationReports>
{
    public async Task<ApplicationReports> Handle(ListReports request, CancellationToken cancellationToken)
    {
        var application = await permissions.ApplicationAsync(request.ApplicationId, cancellationToken);
        var today = AllianceTime.Today(clock);
        var rows = await (from p in db.ReportingPeriods.AsNoTracking()
                          where p.ApplicationId == application.Id
                          join r in db.Reports on p.Id equals r.ReportingPeriodId into reports
                          from r in reports.DefaultIfEmpty()
                          orderby p.Due, p.From
                          select new { p.Id, p.Kind, p.From, p.To, p.Due, Drafted = r != null, FiguresAt = (DateTimeOffset?)r!.FiguresAt, SubmittedAt = r != null ? r.SubmittedAt : null })
            .ToListAsync(cancellationToken);
        var granted = ReportStates.Granted.Contains(application.Status);
        return new ApplicationReports(application.Id, application.Title, application.Status, [.. rows.Select(x =>
        {
            var state = ReportStates.Of(x.To, x.Drafted, x.SubmittedAt is not null, today);
            return new ReportItem(x.Id, x.Kind, x.From, x.To, x.Due, state, ReportStates.Overdue(x.Due, x.SubmittedAt is not null, today), x.Drafted,
                x.FiguresAt, x.SubmittedAt, granted && state == ReportState.Due);
        })]);
    }
}
