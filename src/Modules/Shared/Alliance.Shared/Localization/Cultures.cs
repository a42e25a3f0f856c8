using System.Globalization;

namespace Alliance.Shared.Localization;

public static class Cultures
{
    public const string German = "de";
    public const string English = "en";

    /// <summary>German is the default UI language; English is complete.</summary>
    public static readonly string[] Supported = [German, English];

    /// <summary>
    /// The language choices of forms and the language switch: each language in its own name ("Deutsch", "English"),
    /// whatever the UI language, so a reader finds her language without reading the other one (docs/glossary.md).
    /// </summary>
    public static readonly IReadOnlyList<(string Code, string Name)> Choices = [(German, "Deutsch"), (English, "English")];

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

    /// <summary>
    /// A day with its weekday, the one form pages and mails use: "Do, 17. Dez. 2026" / "Thu 17 Dec 2026" (never
    /// "Thu, 17. Dec 2026", a German pattern with English words).
    /// </summary>
    public static string WeekdayDate(DateTime value, CultureInfo culture) =>
        value.ToString(culture.TwoLetterISOLanguageName == English ? "ddd d MMM yyyy" : "ddd, d. MMM yyyy", culture);

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
