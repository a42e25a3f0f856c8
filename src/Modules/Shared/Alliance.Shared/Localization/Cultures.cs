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
    /// How numbers and dates are written for a language: English readers of a German alliance get British
    /// conventions (23/11/2026 18:00), not American ones (11/23/2026 6:00 PM).
    /// </summary>
    public static CultureInfo Formatting(string language) =>
        CultureInfo.GetCultureInfo(Normalize(language) == English ? "en-GB" : "de-DE");

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
