using System.Globalization;
using System.Resources;
using FluentValidation;
using FluentValidation.Resources;

namespace Alliance.Shared.Localization;

/// <summary>
/// FluentValidation's built-in messages for rules without <c>WithMessage</c>: FluentValidation's own texts name the C#
/// property ("Der Wert von 'Capacity' muss kleiner oder gleich '100000' sein.", "The length of 'Place' must be 300
/// characters or fewer."), which a form shows under a labelled field. These say it without the property, in the
/// caller's language, from <c>SharedText.resx</c> / <c>SharedText.en.resx</c> (keys <c>Validator_&lt;FluentValidation key&gt;</c>,
/// with FluentValidation's placeholders such as <c>{MaxLength}</c>); a key without a text keeps FluentValidation's message.
/// </summary>
public sealed class ValidatorMessages : ILanguageManager
{
    private static readonly ResourceManager Texts = new("Alliance.Shared.Localization.SharedText", typeof(SharedText).Assembly);
    private readonly LanguageManager _fallback = new();

    /// <summary>Installs the messages for every validator of the process (called once at start-up).</summary>
    public static void Install() => ValidatorOptions.Global.LanguageManager = new ValidatorMessages();

    /// <inheritdoc />
    public bool Enabled { get => _fallback.Enabled; set => _fallback.Enabled = value; }

    /// <inheritdoc />
    public CultureInfo? Culture { get => _fallback.Culture; set => _fallback.Culture = value; }

    /// <inheritdoc />
    public string GetString(string key, CultureInfo? culture = null)
    {
        var language = culture ?? Culture ?? CultureInfo.CurrentUICulture;
        return Texts.GetString("Validator_" + key, language) ?? _fallback.GetString(key, culture);
    }
}
