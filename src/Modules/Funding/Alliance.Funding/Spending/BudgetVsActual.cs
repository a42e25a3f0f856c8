using Alliance.Funding.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Funding.Spending;

/// <summary>Budget against actual spending of one cost category in one year.</summary>
internal sealed record BudgetActualRow(int Year, string Category, decimal Budget, decimal Actual)
{
    /// <summary>What is left (negative when overspent).</summary>
    public decimal Remaining => Budget - Actual;

    /// <summary>Share of the budget spent, in percent (null without a budget).</summary>
    public decimal? PercentUsed => Budget == 0 ? null : Math.Round(Actual * 100m / Budget, 1, MidpointRounding.AwayFromZero);

    /// <summary>Spent beyond the budget plus the tolerance funders allow between positions.</summary>
    public bool Overspent(decimal tolerancePercent) => Actual > Budget + Math.Round(Budget * tolerancePercent / 100m, 2, MidpointRounding.AwayFromZero);
}

/// <summary>Budget vs actual per category and year, summed in PostgreSQL (never the expenses loaded into memory).</summary>
internal static class BudgetVsActual
{
    public static Task<List<BudgetActualRow>> ForAsync(FundingDbContext db, Guid applicationId, CancellationToken ct) =>
        db.Database.SqlQuery<BudgetActualRow>($"""
            SELECT coalesce(b.year, e.year) AS "Year", coalesce(b.category, e.category) AS "Category",
                   coalesce(b.amount, 0)::numeric(14,2) AS "Budget", coalesce(e.actual, 0)::numeric(14,2) AS "Actual"
            FROM (SELECT year, category, amount FROM funding.budget_lines WHERE application_id = {applicationId}) b
            FULL OUTER JOIN (SELECT year, category, sum(amount) AS actual FROM funding.expenses WHERE application_id = {applicationId}
                             GROUP BY year, category) e ON e.year = b.year AND e.category = b.category
            ORDER BY 1, 2
            """).ToListAsync(ct);
}
