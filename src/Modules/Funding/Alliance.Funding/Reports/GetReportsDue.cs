using Alliance.Funding.Domain;
using Alliance.Funding.Persistence;
using Alliance.Shared.Contracts;
using Alliance.Shared.Localization;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Funding.Reports;

/// <summary>
/// The office's dashboard card "reports due": reports whose period has ended and that are not submitted yet (drafted
/// or still to be drafted), of applications with a grant, earliest due day first (at most <see cref="ReportsDueQuery.Shown"/>),
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
    public Task<ReportsDue> Handle(GetReportsDue request, CancellationToken cancellationToken) =>
        ReportsDueQuery.ReadAsync(db, AllianceTime.Today(clock), cancellationToken);
}

/// <summary>
/// The read behind "reports due", shared by <see cref="GetReportsDue"/> (API) and the staff dashboard card, whose one
/// request shows it with the deadlines (two requests of one card would use the module's DbContext at the same time).
/// </summary>
internal static class ReportsDueQuery
{
    /// <summary>At most this many reports are listed.</summary>
    public const int Shown = 5;

    /// <summary>Reports whose period ended before <paramref name="today"/> (alliance zone) and that are not submitted.</summary>
    public static async Task<ReportsDue> ReadAsync(FundingDbContext db, DateOnly today, CancellationToken cancellationToken)
    {
        var open = from p in db.ReportingPeriods.AsNoTracking()
                   join a in db.Applications on p.ApplicationId equals a.Id
                   where p.To < today && ReportStates.Granted.Contains(a.Status) && !db.Reports.Any(r => r.ReportingPeriodId == p.Id && r.SubmittedAt != null)
                   select new { p.Id, ApplicationId = a.Id, a.Title, p.Kind, p.From, p.To, p.Due, Drafted = db.Reports.Any(r => r.ReportingPeriodId == p.Id) };
        var total = await open.CountAsync(cancellationToken);
        var rows = await open.OrderBy(x => x.Due).ThenBy(x => x.Title).Take(Shown).ToListAsync(cancellationToken);
        return new ReportsDue(total, [.. rows.Select(x => new ReportDue(x.Id, x.ApplicationId, x.Title, x.Kind, x.From, x.To, x.Due,
            ReportStates.Of(x.To, x.Drafted, false, today), ReportStates.Overdue(x.Due, false, today)))]);
    }
}
