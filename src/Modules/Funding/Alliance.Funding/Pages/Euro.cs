using System.Globalization;

namespace Alliance.Funding.Pages;

/// <summary>Amounts as pages show them: two decimals in the reader's number format, then the euro sign.</summary>
internal static class Euro
{
    /// <summary>"12.345,67 €" in German, "12,345.67 €" in English.</summary>
    public static string Format(decimal amount) => string.Format(CultureInfo.CurrentCulture, "{0:N2} €", amount);

    /// <summary>A percentage with up to two decimals.</summary>
    public static string Percent(decimal percent) => string.Format(CultureInfo.CurrentCulture, "{0:0.##} %", percent);
}
