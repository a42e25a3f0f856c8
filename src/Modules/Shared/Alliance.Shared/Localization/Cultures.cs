using System.Globalization;

namespace Alliance.Shared.Localization;

public static class Cultures
{
    public const string German = "de";
    public const string English = "en";

    /// <summary>German is the default UI language; English is complete.</summary>
    public static readonly string[] Supported = [German, English];

    public static string Normalize(string? language) =>
        Supported.Contains(language?.Trim().ToLowerInvariant()) ? language!.Trim().ToLowerInvariant() : German;

    /// <summary>
    /// How numbers and dates are written for a language. German: 17.12.2026 18:00. English readers get British
    /// conventions with the month as a word, "17 Dec 2026 18:00", because "07/12/2026" means July to US readers
    /// and December to British ones — the only date form that is read one way by everybody.
    /// </summary>
    public static CultureInfo Formatting(string language) =>
        Normalize(language) == English ? EnglishFormatting : GermanFormatting;

    private static readonly CultureInfo GermanFormatting = CultureInfo.GetCultureInfo("de-DE");

    private static readonly CultureInfo EnglishFormatting = CreateEnglishFormatting();

    private static CultureInfo CreateEnglishFormatting()
    {
        var culture = (CultureInfo)CultureInfo.GetCultureInfo("en-GB").Clone();
        culture.DateTimeFormat.ShortDatePattern = "d MMM yyyy";
        culture.DateTimeFormat.LongDatePattern = "dddd d MMMM yyyy";
        return CultureInfo.ReadOnly(culture);
    }

    /// <summary>Runs a piece of code (an e-mail rendering, say) in another person's language.</summary>
    public static IDisposable Use(string language) =>
        new CultureScope(Formatting(language), CultureInfo.GetCultureInfo(Normalize(language)));

    private sealed class CultureScope : IDisposable
    {
        private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
        private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

        public CultureScope(CultureInfo culture, CultureInfo uiCulture)
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = uiCulture;
        }

        public void Dispose()
        {
            CultureInfo.CurrentCulture = _culture;
            CultureInfo.CurrentUICulture = _uiCulture;
        }
    }
}
