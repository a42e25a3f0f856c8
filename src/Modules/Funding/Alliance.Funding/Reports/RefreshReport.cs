using Alliance.Funding.Domain;
using Alliance.Funding.Persistence;
using Alliance.Funding.Resources;
using Alliance.Shared.Contracts;
using Alliance.Shared.Errors;
using Hangfire;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Alliance.Funding.Reports;

/// <summary>
/// Staff ask for the figures of a drafted report to be collected again (after late bookings, say). The report is
/// marked queued and a background job does the work (<see cref="FundingJobs.RefreshReportAsync"/>): queued → running →
/// done, which the report page shows. 404 for an unknown report, 409 once submitted; asking again while a refresh is
/// queued or running changes nothing.
/// </summary>
[AllowedFor(Who.Staff)]
internal sealed record RefreshReport(Guid ReportId) : IRequest<Unit>;

internal sealed class RefreshReportHandler(FundingDbContext db, IBackgroundJobClient jobs, IStringLocalizer<FundingText> text, TimeProvider clock)
    : IRequestHandler<RefreshReport, Unit>
{
    public async Task<Unit> Handle(RefreshReport request, CancellationToken cancellationToken)
    {
        var report = await db.Reports.FirstOrDefaultAsync(r => r.ReportingPeriodId == request.ReportId, cancellationToken)
            ?? throw NotFoundException.For("Report", request.ReportId);
        if (report.SubmittedAt is not null)
        {
            throw new ConflictException(text["Report_Submitted"]);
        }

        if (report.Refresh is RefreshState.Queued or RefreshState.Running)
        {
            return Unit.Value;
        }

        report.Refresh = RefreshState.Queued;
        report.RefreshRequestedAt = clock.GetUtcNow();

        // Stored before the job is queued, so the job never finds the report in its old state.
        await db.SaveChangesAsync(cancellationToken);
        jobs.Enqueue<FundingJobs>(j => j.RefreshReportAsync(report.ReportingPeriodId, CancellationToken.None));
        return Unit.Value;
    }
}
