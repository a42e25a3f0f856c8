using Alliance.Funding.Domain;
using Alliance.Funding.Persistence;
using Alliance.Labs.Contracts;
using Alliance.Meetings.Contracts;
using Alliance.Members.Contracts;
using Alliance.Shared.Modules;
using Alliance.Surveys.Contracts;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Funding.Reports;

/// <summary>
/// Collects a period's figures: the statistics requests of Members, Meetings, Labs and Surveys (their Contracts; a
/// module not installed is left out) and the money of the period, summed in PostgreSQL.
/// </summary>
internal sealed class ReportFiguresCollector(FundingDbContext db, IMediator mediator, ModuleCatalog catalog)
{
    public async Task<ReportFigures> CollectAsync(ReportingPeriod period, CancellationToken ct)
    {
        var (from, to) = (period.From, period.To);
        var members = await mediator.Send(new GetMembershipStatistics(from, to), ct);
        var meetings = catalog.Handles(typeof(GetMeetingStatistics)) ? await mediator.Send(new GetMeetingStatistics(from, to), ct) : null;
        var labs = catalog.Handles(typeof(GetLabStatistics)) ? await mediator.Send(new GetLabStatistics(from, to), ct) : null;
        var surveys = catalog.Handles(typeof(GetSurveyStatistics)) ? await mediator.Send(new GetSurveyStatistics(from, to), ct) : null;
        return new ReportFigures(from, to, members, meetings, labs, surveys, await FinanceAsync(period, ct));
    }

    private async Task<FinancialFigures> FinanceAsync(ReportingPeriod period, CancellationToken ct)
    {
        var id = period.ApplicationId;
        var (from, to) = (period.From, period.To);
        var (firstYear, lastYear) = (from.Year, to.Year);
        var rows = await db.Database.SqlQuery<ReportBudgetRow>($"""
            SELECT coalesce(b.year, e.year) AS "Year", coalesce(b.category, e.category) AS "Category",
                   coalesce(b.amount, 0)::numeric(14,2) AS "Budget", coalesce(e.actual, 0)::numeric(14,2) AS "Actual"
            FROM (SELECT year, category, amount FROM funding.budget_lines
                  WHERE application_id = {id} AND year BETWEEN {firstYear} AND {lastYear}) b
            FULL OUTER JOIN (SELECT year, category, sum(amount) AS actual FROM funding.expenses
                             WHERE application_id = {id} AND date BETWEEN {from} AND {to}
                             GROUP BY year, category) e ON e.year = b.year AND e.category = b.category
            ORDER BY 1, 2
            """).ToListAsync(ct);
        var granted = await db.Grants.Where(g => g.ApplicationId == id && g.Year >= firstYear && g.Year <= lastYear).SumAsync(g => g.Amount, ct);
        var drawdowns = await db.Drawdowns.AsNoTracking().Where(d => d.ApplicationId == id && d.Date >= from && d.Date <= to)
            .OrderBy(d => d.Date).Select(d => new ReportDrawdown(d.Date, d.Amount)).ToListAsync(ct);
        var expensesToDate = await db.Expenses.Where(e => e.ApplicationId == id && e.Date <= to).SumAsync(e => e.Amount, ct);
        var drawnToDate = await db.Drawdowns.Where(d => d.ApplicationId == id && d.Date <= to).SumAsync(d => d.Amount, ct);
        return new FinancialFigures(rows, granted, rows.Sum(r => r.Actual), drawdowns.Sum(d => d.Amount), drawdowns, expensesToDate, drawnToDate);
    }
}
