using Alliance.Shared.Contracts;
using MediatR;

namespace Alliance.Funding.Reports;

/// <summary>
/// Staff draft the report of an ended reporting period at once instead of waiting for the daily report job
/// (<c>funding-report-drafts</c>, 06:00): the very use case the job sends (<see cref="DraftReport"/>), so the figures,
/// the empty narrative per work package and the mail to the approver are the same, and a period still has one draft at
/// most — asking twice, or after the job, changes nothing. Returns whether a new draft was made (false: it existed).
/// 404 for an unknown period; 409 while the period runs or when the application holds no grant (withdrawn). Refreshing
/// the figures of an existing draft is <see cref="RefreshReport"/>.
/// </summary>
[AllowedFor(Who.Staff)]
internal sealed record DraftReportNow(Guid ReportId) : IRequest<bool>;

internal sealed class DraftReportNowHandler(IMediator mediator) : IRequestHandler<DraftReportNow, bool>
{
    public Task<bool> Handle(DraftReportNow request, CancellationToken cancellationToken) =>
        mediator.Send(new DraftReport(request.ReportId), cancellationToken);
}
