using Alliance.Funding.Domain;
using Alliance.Funding.Persistence;
using Alliance.Shared.Contracts;
using Alliance.Shared.Localization;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Funding.Dashboard;

/// <summary>
/// The office's card: the reports due (period ended, not submitted), the next deadlines (calls, milestones of live
/// applications, reports not yet submitted) and the budget burn of running projects — one request for the whole card.
/// </summary>
[AllowedFor(Who.Staff)]
internal sealed record GetFundingStaffCard : IRequest<StaffCardData>;

/// <summary>What the card shows.</summary>
internal sealed record StaffCardData(IReadOnlyList<Deadline> Deadlines, IReadOnlyList<Burn> Running, Reports.ReportsDue Due)
{
    /// <summary>Whether the card has anything to show (the dashboard leaves it out otherwise).</summary>
    public bool HasSomething => Due.Total > 0 || Deadlines.Count > 0 || Running.Count > 0;
}

/// <summary>A coming deadline: <see cref="Kind"/> is Call, Milestone or Report; the link leads to its page.</summary>
internal sealed record Deadline(string Kind, string Title, DateOnly Due, string Link);

/// <summary>A running project: what is planned (direct costs), what is spent, and how much of the period has passed.</summary>
internal sealed record Burn(Guid Id, string Title, decimal Budget, decimal Spent, DateOnly ProjectStart, DateOnly ProjectEnd)
{
    /// <summary>Spent share of the budget in percent.</summary>
    public decimal Percent => Budget == 0 ? 0 : Math.Round(Spent * 100m / Budget, 0, MidpointRounding.AwayFromZero);
}

internal sealed class GetFundingStaffCardHandler(FundingDbContext db, TimeProvider clock) : IRequestHandler<GetFundingStaffCard, StaffCardData>
{
    /// <summary>The card lists at most this many deadlines and running projects.</summary>
    public const int Shown = 5;

    public async Task<StaffCardData> Handle(GetFundingStaffCard request, CancellationToken cancellationToken)
    {
        var today = AllianceTime.Today(clock);
        var calls = await db.Calls.AsNoTracking().Where(c => c.SubmissionDeadline >= today).OrderBy(c => c.SubmissionDeadline).Take(Shown)
            .Select(c => new { c.Id, c.Title, Due = c.SubmissionDeadline }).ToListAsync(cancellationToken);
        var milestones = await db.Milestones.AsNoTracking().Where(m => m.Due >= today)
            .Join(db.Applications.Where(a => a.Status != ApplicationStatus.Rejected && a.Status != ApplicationStatus.Closed && a.Status != ApplicationStatus.Withdrawn), m => m.ApplicationId, a => a.Id, (m, a) => new { a.Id, m.Title, m.Due })
            .OrderBy(m => m.Due).Take(Shown).ToListAsync(cancellationToken);
        var reports = await db.ReportingPeriods.AsNoTracking().Where(p => p.Due >= today && !db.Reports.Any(r => r.ReportingPeriodId == p.Id && r.SubmittedAt != null))
            .Join(db.Applications.Where(a => a.Status == ApplicationStatus.Running), p => p.ApplicationId, a => a.Id, (p, a) => new { a.Id, a.Title, p.Kind, p.Due })
            .OrderBy(p => p.Due).Take(Shown).ToListAsync(cancellationToken);
        var deadlines = calls.Select(c => new Deadline("Call", c.Title, c.Due, $"/funding/calls/{c.Id}/edit"))
            .Concat(milestones.Select(m => new Deadline("Milestone", m.Title, m.Due, $"/funding/applications/{m.Id}")))
            .Concat(reports.Select(r => new Deadline(r.Kind == ReportKind.Final ? "FinalReport" : "InterimReport", r.Title, r.Due, $"/funding/applications/{r.Id}/reports")))
            .OrderBy(d => d.Due).Take(Shown).ToList();
        var running = await db.Applications.AsNoTracking().Where(a => a.Status == ApplicationStatus.Running)
            .OrderBy(a => a.ProjectEnd).Take(Shown)
            .Select(a => new Burn(a.Id, a.Title, db.BudgetLines.Where(b => b.ApplicationId == a.Id).Sum(b => b.Amount),
                db.Expenses.Where(e => e.ApplicationId == a.Id).Sum(e => e.Amount), a.ProjectStart, a.ProjectEnd))
            .ToListAsync(cancellationToken);
        var due = await Reports.ReportsDueQuery.ReadAsync(db, today, cancellationToken);
        return new StaffCardData(deadlines, running, due);
    }
}
