namespace Alliance.Funding.Domain;

/// <summary>One maximum per stored text, used by the columns, the validators and the forms' maxlength.</summary>
internal static class TextLimits
{
    public const int Funder = 200;
    public const int Programme = 200;
    public const int Title = 300;
    public const int Link = 1000;
    public const int Notes = 4000;
    public const int Category = 60;

    /// <summary>
    /// A call's own cost categories as the form takes them, one a line or separated by commas: the most categories at
    /// their longest, each followed by a separator of at most two characters (", ").
    /// </summary>
    public const int CategoryLines = RequestCaps.Categories * (Category + 2);
    public const int Role = 100;
    public const int Summary = 4000;
    public const int Comment = 2000;
    public const int Description = 500;
    public const int Receipt = 100;
    public const int Payee = 200;
    public const int FileName = 200;
    public const int ContentType = 100;

    /// <summary>One narrative section of a report (goals, work done in a work package, results, deviations, outlook).</summary>
    public const int Narrative = 20000;

    /// <summary>A person's name as Members allows it (first + space + last name).</summary>
    public const int PersonName = 100 + 1 + 100;
}

/// <summary>Caps on the lists a request carries.</summary>
internal static class RequestCaps
{
    public const int Categories = 20;
    public const int GrantYears = 10;
    public const int ReportingPeriods = 20;

    /// <summary>Work packages a report's narrative names (one text each).</summary>
    public const int WorkPackages = 50;
}

/// <summary>Amounts: EUR with two decimal places, stored as numeric(14,2).</summary>
internal static class Money
{
    /// <summary>The column type of every amount.</summary>
    public const string Column = "numeric(14,2)";

    /// <summary>The largest amount a numeric(14,2) column holds.</summary>
    public const decimal Max = 999_999_999_999.99m;

    /// <summary>Rounded to cents, halves away from zero as commercial rounding does.</summary>
    public static decimal Round(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    /// <summary>Whether the value has at most two decimal places.</summary>
    public static bool HasCents(decimal value) => value == Math.Round(value, 2);
}
