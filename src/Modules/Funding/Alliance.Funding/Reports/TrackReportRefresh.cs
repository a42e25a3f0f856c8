using Alliance.Funding.Domain;
using Alliance.Funding.Persistence;
using Alliance.Shared.Contracts;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Funding.Reports;

/// <summary>
/// The refresh job reports where it stands: <see cref="RefreshState.Running"/> when it starts,
/// <see cref="RefreshState.Failed"/> when collecting failed (Hangfire retries it). A submitted or unknown report is
/// left alone.
/// </summary>
[AllowedFor(Who.Internal)]
internal sealed record TrackReportRefresh(Guid ReportId, RefreshState State) : IRequest<Unit>;

internal sealed class TrackReportRefreshHandler(FundingDbContext db) : IRequestHandler<TrackReportRefresh, Unit>
{
    public async Task<Unit> Handle(TrackReportRefresh request, CancellationToken cancellationToken)
    {
        var report = await db.Reports.FirstOrDefaultAsync(r => r.ReportingPeriodId == request.ReportId && r.SubmittedAt == null, cancellationToken);
        if (report is not null)
        {
            report.Refresh = request.State;
        }

        return Unit.Value;
    }
}
