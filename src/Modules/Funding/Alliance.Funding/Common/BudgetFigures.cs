using Alliance.Funding.Domain;

namespace Alliance.Funding.Common;

/// <summary>
/// An application's money in one place, all in EUR rounded to cents: direct costs (the budget lines), the flat rate
/// on top, the eligible total, the funding requested (total × funding rate, at most the call's maximum), the own
/// share the applicant has to bring, the co-financing promised (city + members) and the gap between them.
/// </summary>
internal sealed record BudgetFigures(
    decimal DirectCosts, decimal FlatRateAmount, decimal Total, decimal FundingRate, decimal RequestedFunding,
    decimal OwnShare, decimal CityContribution, decimal MemberContributions, decimal CoFinancing, decimal Gap)
{
    /// <summary>Computes the figures from the stored amounts.</summary>
    public static BudgetFigures Of(Call call, decimal directCosts, decimal cityContribution, decimal memberContributions)
    {
        var flat = call.FlatRate is { } rate ? Money.Round(directCosts * rate / 100m) : 0m;
        var total = directCosts + flat;
        var requested = Money.Round(total * call.FundingRate / 100m);
        if (call.MaxAmount is { } max && requested > max)
        {
            requested = max;
        }

        var ownShare = total - requested;
        var coFinancing = cityContribution + memberContributions;
        return new BudgetFigures(directCosts, flat, total, call.FundingRate, requested, ownShare, cityContribution, memberContributions,
            coFinancing, ownShare - coFinancing);
    }

    /// <summary>Co-financing beyond the total costs makes no sense and is refused.</summary>
    public bool CoFinancingExceedsTotal => CoFinancing > Total;
}
