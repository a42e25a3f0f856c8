using Alliance.Funding.Domain;
using Alliance.Funding.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Funding.Common;

/// <summary>Reads the stored sums an application's figures are made of.</summary>
internal static class Amounts
{
    /// <summary>The figures of one application as stored now (tracked changes not yet saved are not included).</summary>
    public static async Task<BudgetFigures> FiguresAsync(FundingDbContext db, Application application, CancellationToken ct)
    {
        var call = await db.Calls.AsNoTracking().SingleAsync(c => c.Id == application.CallId, ct);
        var direct = await db.BudgetLines.Where(b => b.ApplicationId == application.Id).SumAsync(b => b.Amount, ct);
        var members = await db.MemberContributions.Where(m => m.ApplicationId == application.Id).SumAsync(m => m.Amount, ct);
        return BudgetFigures.Of(call, direct, application.CityContribution, members);
    }
}
