using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Alliance.Shared.Localization;
using Microsoft.Extensions.Localization;

namespace Alliance.Shared.Components;

/// <summary>
/// The ids of a <c>FormField</c>'s texts, cascaded to the control inside it: <see cref="ErrorId"/> holds the field's
/// validation message, <see cref="HelpId"/> its help text (null without one). A control that is marked invalid points
/// its <c>aria-describedby</c> at them (WCAG 1.3.1, 3.3.1: an error is named in text and tied to its field).
/// </summary>
/// <param name="ErrorId">The id of the element with the field's validation message (<c>{id}-error</c>).</param>
/// <param name="HelpId">The id of the field's help text (<c>{id}-help</c>), or null.</param>
public sealed record FormFieldIds(string ErrorId, string? HelpId);

/// <summary>
/// The attributes that turn a picker's select (or group of checkboxes) into the script's typeahead (<c>js/app.js</c>):
/// the search API, the term limits (<see cref="PickerLimits.MinTermLength"/>, <see cref="PickerLimits.TermLength"/> as
/// the search box's <c>maxlength</c>) and every text the typeahead shows and announces in its live region, in the page's
/// language. <see cref="SearchPicker{TValue}"/> renders them; a hand-built picker (the people list's filter) spreads them
/// with <c>@attributes</c>.
/// </summary>
public static class PickerScript
{
    // Umlauts and quotation marks as they are (HTML-sensitive characters stay escaped): the attribute stays readable and short.
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    /// <summary>The script's attributes for a picker asking <paramref name="source"/> (a route, <c>{id}</c> already filled in).</summary>
    public static Dictionary<string, object> Attributes(IStringLocalizer<SharedText> text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        // {0} and {1} stay in the counted texts: the script fills in the numbers and picks _One or _Other.
        var texts = new Dictionary<string, string>
        {
            ["short"] = Plural.Format(text, "Picker_TypeAtLeast", PickerLimits.MinTermLength),
            ["none"] = text["Picker_NoMatches"].Value,
            ["one"] = text["Picker_Found_One"].Value,
            ["other"] = text["Picker_Found_Other"].Value,
            ["some"] = text["Picker_FoundSome"].Value,
            ["rejected"] = text["Picker_TermRejected"].Value,
            ["signedOut"] = text["Picker_SignedOut"].Value,
            ["forbidden"] = text["Picker_Forbidden"].Value,
            ["failed"] = text["Picker_Failed"].Value,
        };
        return new Dictionary<string, object>
        {
            ["data-picker-source"] = source,
            ["data-picker-remove"] = text["Picker_Remove"].Value,
            ["data-picker-placeholder"] = text["Picker_Placeholder"].Value,
            ["data-picker-minlength"] = PickerLimits.MinTermLength.ToString(CultureInfo.InvariantCulture),
            ["data-picker-maxlength"] = PickerLimits.TermLength.ToString(CultureInfo.InvariantCulture),
            ["data-picker-texts"] = JsonSerializer.Serialize(texts, Json),
        };
    }
}
