using System.Globalization;
using System.Text;

namespace Alliance.Funding.Exports;

/// <summary>File names of exports: a localized word, the application's title as ASCII and the day, e.g. <c>Zahlenmaessiger-Nachweis-Wirtschaftsallianz-2-0-2026-12-01</c>.</summary>
internal static class FileNames
{
    /// <summary>MIME type of ZIP archives.</summary>
    public const string Zip = "application/zip";

    public static string Stem(string word, string title, DateOnly day) =>
        $"{Ascii(word)}-{Ascii(title)}-{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    /// <summary>Letters and digits kept (umlauts transcribed, accents dropped), everything else one hyphen, at most 60 characters.</summary>
    public static string Ascii(string text)
    {
        var transcribed = text.Replace("ä", "ae").Replace("ö", "oe").Replace("ü", "ue").Replace("Ä", "Ae").Replace("Ö", "Oe").Replace("Ü", "Ue").Replace("ß", "ss")
            .Normalize(NormalizationForm.FormD);
        var result = new StringBuilder(transcribed.Length);
        foreach (var c in transcribed)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                result.Append(c);
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && result.Length > 0 && result[^1] != '-')
            {
                result.Append('-');
            }
        }

        var ascii = result.ToString().Trim('-');
        return ascii.Length > 60 ? ascii[..60].TrimEnd('-') : ascii;
    }
}
