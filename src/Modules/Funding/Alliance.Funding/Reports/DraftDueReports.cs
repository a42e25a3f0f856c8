using Alliance.Funding.Persistence;
using Alliance.Shared.Contracts;
using Alliance.Shared.Localization;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Funding.Reports;

/// <summary>
/// The daily report job: drafts the report of every reporting period that has ended (its last day is before today in
/// the alliance's zone) and has none yet, of approved, running or closed applications, each by <see cref="DraftReport"/>
/// (saved one by one). A second run finds nothing to do. Returns the number of drafts made.
/// </summary>
[AllowedFor(Who.Internal)]
internal sealed record DraftDueReports : IRequest<int>;

internal sealed class DraftDueReportsHandler(FundingDbContext db, IMediator mediator, TimeProvider clock) : IRequestHandler<DraftDueReports, int>
{
    public async Task<int> Handle(DraftDueReports request, CancellationToken cancellationToken)
    {
        var today = AllianceTime.Today(clock);
        var periods = await db.ReportingPeriods.AsNoTracking()
            .Where(p => p.To < today && !db.Reports.Any(r => r.ReportingPeriodId == p.Id)
                        && db.Applications.Any(a => a.Id == p.ApplicationId && ReportStates.Granted.Contains(a.Status)))
            .OrderBy(p => p.To).Select(p => p.Id).ToListAsync(cancellationToken);
        var drafted = 0;
        foreach (var period in periods)
        {
            if (await mediator.Send(new DraftReport(period), cancellationToken))
            {
                drafted++;
            }
        }

        return drafted;
    }
}
