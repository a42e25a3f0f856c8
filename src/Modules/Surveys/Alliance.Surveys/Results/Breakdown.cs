namespace Alliance.Surveys.Results;

/// <summary>What the results of a survey are broken down by: nothing, or a property of the responding organisation.</summary>
internal enum Breakdown
{
    None = 0,
    PartnerGroup = 1,
    Sector = 2,
    SizeClass = 3,
}

/// <summary>The response column of each breakdown, as SQL text (a fixed list: never user input in SQL).</summary>
internal static class BreakdownColumns
{
    /// <summary>The expression that gives a response's group key as text; NULL for <see cref="Breakdown.None"/>.</summary>
    public static string Of(Breakdown breakdown) => breakdown switch
    {
        Breakdown.PartnerGroup => "r.partner_group::text",
        Breakdown.Sector => "r.sector::text",
        Breakdown.SizeClass => "r.size_class::text",
        _ => "NULL::text",
    };
}
