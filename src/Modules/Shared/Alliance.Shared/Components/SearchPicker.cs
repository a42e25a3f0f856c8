using Alliance.Shared.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Localization;

namespace Alliance.Shared.Components;

/// <summary>
/// A searchable single or multiple choice of people or organisations. Renders a plain <c>&lt;select&gt;</c> with the
/// options the page gives (works without JavaScript, and binds like <see cref="InputSelect{TValue}"/>: a
/// <c>Guid?</c> for one, a <c>Guid[]</c> for several); the shared script turns it into a typeahead that asks
/// <see cref="Source"/> (<c>?search=…&amp;pageSize=20</c>, a paged list with <c>items[].id</c>/<c>name</c>) and keeps
/// the chosen values in the hidden select, so the form posts the same fields either way.
/// </summary>
public sealed class SearchPicker<TValue> : InputSelect<TValue>
{
    [Inject] private IStringLocalizer<SharedText> T { get; set; } = default!;

    /// <summary>The API list to search, e.g. <see cref="PickerSources.People"/>.</summary>
    [Parameter, EditorRequired] public string Source { get; set; } = "";

    /// <inheritdoc />
    protected override void OnParametersSet()
    {
        base.OnParametersSet();
        var attributes = AdditionalAttributes is null
            ? new Dictionary<string, object>()
            : new Dictionary<string, object>(AdditionalAttributes);
        attributes["data-picker-source"] = Source;
        attributes["data-picker-remove"] = T["Picker_Remove"].Value;
        attributes["data-picker-none"] = T["Picker_NoMatches"].Value;
        attributes["data-picker-placeholder"] = T["Picker_Placeholder"].Value;
        if (!attributes.ContainsKey("class"))
        {
            attributes["class"] = "form-select";
        }

        AdditionalAttributes = attributes;
    }
}

/// <summary>The API lists the <see cref="SearchPicker{TValue}"/> can search.</summary>
public static class PickerSources
{
    /// <summary>People of the directory (names only where the person allows it).</summary>
    public const string People = "/api/members/people";

    /// <summary>Member organisations.</summary>
    public const string Organizations = "/api/members/organizations";
}
