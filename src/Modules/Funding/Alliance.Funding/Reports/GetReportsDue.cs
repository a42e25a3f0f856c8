using Alliance.Funding.Domain;
using Alliance.Funding.Persistence;
using Alliance.Shared.Contracts;
using Alliance.Shared.Localization;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Funding.Reports;

/// <summary>
/// The office's dashboard card "reports due": reports whose period has ended and that are not submitted yet (drafted
/// or still to be drafted), of applications with a grant, earliest due day first (at most <see cref="GetReportsDueHandler.Shown"/>),
/// and how many there are in all.
/// </summary>
[AllowedFor(Who.Staff)]
internal sealed record GetReportsDue : IRequest<ReportsDue>;

/// <summary>What the card shows.</summary>
internal sealed record ReportsDue(int Total, IReadOnlyList<ReportDue> Reports);

/// <summary>One report to be written or submitted.</summary>
internal sealed record ReportDue(Guid Id, Guid ApplicationId, string ApplicationTitle, ReportKind Kind, DateOnly From, DateOnly To, DateOnly Due, ReportState State, bool Overdue);

internal sealed class GetReportsDueHandler(FundingDbContext db, TimeProvider clock) : IRequestHandler<GetReportsDue, ReportsDue>
{
    /// <summary>The card lists at most this many reports.</summary>
    public const int Shown = 5;

    private static readonly ApplicationStatus[] Granted =
        [ApplicationStatus.Approved, ApplicationStatus.PartiallyApproved, ApplicationStatus.Running, ApplicationStatus.Closed];

    public async Task<ReportsDue> Handle(GetReportsDue request, CancellationToken cancellationToken)
    {
        var today = AllianceTime.Today(clock);
        var open = from p in db.ReportingPeriods.AsNoTracking()
                   join a in db.Applications on p.ApplicationId equals a.Id
                   where p.To < today && Granted.Contains(a.Status) && !db.Reports.Any(r => r.ReportingPeriodId == p.Id && r.SubmittedAt != null)
                   select new { p.Id, ApplicationId = a.Id, a.Title, p.Kind, p.From, p.To, p.Due, Drafted = db.Reports.Any(r => r.ReportingPeriodId == p.Id) };
        var total = await open.CountAsync(cancellationToken);
        var rows = await open.OrderBy(x => x.Due).ThenBy(x => x.Title).Take(Shown).ToListAsync(cancellationToken);
        return new ReportsDue(total, [.. rows.Select(x => new ReportDue(x.Id, x.ApplicationId, x.Title, x.Kind, x.From, x.To, x.Due,
            ReportStates.Of(x.To, x.Drafted, false, today), ReportStates.Overdue(x.Due, false, today)))]);
    }
}
