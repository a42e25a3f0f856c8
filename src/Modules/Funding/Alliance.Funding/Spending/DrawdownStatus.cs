using Alliance.Funding.Domain;

namespace Alliance.Funding.Spending;

/// <summary>
/// A drawdown with what of it is not yet spent and until when it must be. Spending is the funder's share of the
/// expenses (amount × funding rate) and uses up the oldest drawdowns first. Unspent money past its deadline is the
/// interest risk (funders charge interest on it); a drawdown whose deadline is near is flagged before.
/// </summary>
internal sealed record DrawdownStatus(Guid Id, DateOnly Date, decimal Amount, DateOnly SpendBy, decimal Unspent, bool Overdue, bool DueSoon)
{
    /// <summary>Allocates the funder's share of <paramref name="expenses"/> to <paramref name="drawdowns"/>, oldest first.</summary>
    public static IReadOnlyList<DrawdownStatus> Of(IEnumerable<Drawdown> drawdowns, decimal expenses, decimal fundingRate, DateOnly today,
        int spendWithinDays, int warningDays)
    {
        var spent = Math.Round(expenses * fundingRate / 100m, 2, MidpointRounding.AwayFromZero);
        var result = new List<DrawdownStatus>();
        foreach (var d in drawdowns.OrderBy(d => d.Date).ThenBy(d => d.RecordedAt))
        {
            var used = Math.Min(spent, d.Amount);
            spent -= used;
            var unspent = d.Amount - used;
            var spendBy = d.Date.AddDays(spendWithinDays);
            result.Add(new DrawdownStatus(d.Id, d.Date, d.Amount, spendBy, unspent,
                unspent > 0 && spendBy < today, unspent > 0 && spendBy >= today && spendBy <= today.AddDays(warningDays)));
        }

        return result;
    }
}
