using System.Globalization;

namespace Alliance.Surveys.Pages.Shared;

/// <summary>Which of a survey's two languages the reader gets (the UI language).</summary>
internal static class Language
{
    public static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
}
