using Alliance.Shared.Localization;
using Microsoft.Extensions.Localization;

namespace Alliance.Surveys.Common;

/// <summary>Texts of one language regardless of the caller's (stored bilingual data such as copy titles).</summary>
internal static class LocalizerLanguage
{
    public static LanguageTexts InLanguage(this IStringLocalizer localizer, string language) => new(localizer, language);

    internal readonly record struct LanguageTexts(IStringLocalizer Localizer, string Language)
    {
        public string this[string key]
        {
            get
            {
                using var _ = Cultures.Use(Language);
                return Localizer[key].Value;
            }
        }
    }
}
