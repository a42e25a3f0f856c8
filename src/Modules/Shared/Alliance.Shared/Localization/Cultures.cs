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

    /// <summary>Runs a piece of code (an e-mail rendering, say) in another person's language.</summary>
    public static IDisposable Use(string language) => new CultureScope(CultureInfo.GetCultureInfo(Normalize(language)));

    private sealed class CultureScope : IDisposable
    {
        private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
        private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

        public CultureScope(CultureInfo culture)
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
        }

        public void Dispose()
        {
            CultureInfo.CurrentCulture = _culture;
            CultureInfo.CurrentUICulture = _uiCulture;
        }
    }
}
