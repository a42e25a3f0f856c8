using Alliance.Funding.Domain;
using Alliance.Funding.Persistence;
using Alliance.Funding.Resources;
using Alliance.Shared.Contracts;
using Alliance.Shared.Errors;
using Alliance.Shared.Security;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Alliance.Funding.Reports;

/// <summary>
/// Staff mark a drafted report as submitted to the funder (who, name at the time, when); from then on its narrative
/// and figures are locked. 404 for an unknown report, 409 when already submitted, while a refresh is queued or
/// running, or when <see cref="Version"/> is stale.
/// </summary>
[AllowedFor(Who.Staff)]
internal sealed record SubmitReport(Guid ReportId, uint Version) : IRequest<Unit>;

internal sealed class SubmitReportHandler(FundingDbContext db, ICurrentUser user, IStringLocalizer<FundingText> text, TimeProvider clock) : IRequestHandler<SubmitReport, Unit>
{
    public async Task<Unit> Handle(SubmitReport request, CancellationToken cancellationToken)
    {
        var report = await db.Reports.FirstOrDefaultAsync(r => r.ReportingPeriodId == request.ReportId, cancellationToken)
            ?? throw NotFoundException.For("Report", request.ReportId);
        if (report.SubmittedAt is not null)
        {
            throw new ConflictException(text["Report_Submitted"]);
        }

        if (report.Refresh is RefreshState.Queued or RefreshState.Running)
        {
            throw new ConflictException(text["Report_Refreshing"]);
        }

        db.Entry(report).Property(r => r.Version).OriginalValue = request.Version;
        report.SubmittedAt = clock.GetUtcNow();
        report.SubmittedByPersonId = user.PersonId;
        report.SubmittedByName = user.DisplayName ?? "";
        return Unit.Value;
    }
}
