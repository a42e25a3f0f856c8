using Alliance.Shared.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Alliance.Shared.Components;

/// <summary>
/// A searchable single or multiple choice of people, organisations, labs, proposals or funding calls that never loads the whole table. It renders only
/// the chosen values and, after a search, at most <see cref="PickerLimits.Results"/> matches:
/// <list type="bullet">
/// <item>Without JavaScript: a search field with a "Search" button (it posts the form without saving — the picker
/// keeps the form from being accepted and lists the matches), then a <c>&lt;select&gt;</c> (one value) or checkboxes
/// (several values) with the chosen values and the matches, all plain keyboard-usable controls. What the search found
/// (or that the term was empty) is the field's validation message, so the form is not saved; the select and the search
/// box point their <c>aria-describedby</c> at it — the <c>FormField</c>'s message (<see cref="FormFieldIds"/>), or the
/// picker's own under it when it stands outside a FormField — so a field marked invalid always has its text.</item>
/// <item>With JavaScript (<c>js/app.js</c>): a typeahead asking <see cref="Source"/> (<c>?q=…&amp;pageSize=20</c>,
/// a paged list with <c>items[].id</c>, <c>name</c>, <c>hint</c>, <c>totalCount</c>) that keeps the choice in those same
/// controls. Its search box has the server's <c>maxlength</c>; it asks from <see cref="PickerLimits.MinTermLength"/>
/// characters on and says in its live region what happened: how many matches, none, too few characters, a refused term
/// (400), signed out (401), not allowed (403), or a failed search (<see cref="PickerScript"/>).</item>
/// </list>
/// Binds like <see cref="InputSelect{TValue}"/>: a <c>Guid?</c> or <c>string?</c> (an id) for one value, a <c>Guid[]</c>
/// for several; the form posts the same fields either way. The data comes from the <see cref="IPickerSource"/>
/// registered for <see cref="Source"/>.
/// </summary>
public sealed class SearchPicker<TValue> : InputSelect<TValue>
{
    /// <summary>The name of the submit button a no-script search sends; its value is the picker's id.</summary>
    public const string SearchButtonName = "picker-search";

    private ValidationMessageStore? _messages;
    private IReadOnlyList<PickerChoice> _chosen = [];
    private IReadOnlyList<PickerChoice> _found = [];
    private string? _term;
    private bool _searched;
    private List<Guid>? _loadedIds;

    [Inject] private IStringLocalizer<SharedText> T { get; set; } = default!;

    [Inject] private IServiceScopeFactory ScopeFactory { get; set; } = default!;

    [CascadingParameter] private HttpContext? HttpContext { get; set; }

    /// <summary>The ids of the surrounding FormField's help and error texts; null outside a FormField.</summary>
    [CascadingParameter] private FormFieldIds? Field { get; set; }

    /// <summary>The search API behind the picker, e.g. <see cref="PickerSources.People"/>.</summary>
    [Parameter, EditorRequired] public string Source { get; set; } = "";

    /// <summary>The field's visible label (the same as the FormField's): names the search box and the group.</summary>
    [Parameter, EditorRequired] public string Label { get; set; } = "";

    /// <summary>For a single choice: the text of the empty option ("– none –"); null when a value is required.</summary>
    [Parameter] public string? NoneText { get; set; }

    /// <summary>
    /// The record the choices belong to, for a <see cref="Source"/> served by an <see cref="IRecordPickerSource"/>
    /// (its route's <c>{id}</c>, e.g. the lab whose member organisations' contacts are offered); null for the others.
    /// </summary>
    [Parameter] public Guid? RecordId { get; set; }

    private string Id => AdditionalAttributes?.TryGetValue("id", out var id) == true ? id?.ToString() ?? "picker" : "picker";

    private bool Multiple => typeof(TValue).IsArray;

    /// <inheritdoc />
    protected override async Task OnParametersSetAsync()
    {
        if (_messages is null)
        {
            _messages = new ValidationMessageStore(EditContext);
            EditContext.OnValidationRequested += KeepFromSaving;
        }

        var chosenIds = ChosenIds();
        var searchNow = false;
        if (!_searched && HttpContext is { } http && HttpMethods.IsPost(http.Request.Method) && http.Request.HasFormContentType)
        {
            var form = await http.Request.ReadFormAsync();
            if (form[SearchButtonName] == Id)
            {
                _searched = searchNow = true;
                _term = form[$"picker-q-{Id}"].ToString().Trim();
                if (_term.Length > PickerLimits.TermLength)
                {
                    _term = _term[..PickerLimits.TermLength];
                }
            }
        }

        if (!searchNow && _loadedIds is not null && _loadedIds.SequenceEqual(chosenIds))
        {
            return;
        }

        // Its own scope (and so its own DbContext): the page may be using its DbContext at the same time, and static
        // rendering runs the components' loads side by side.
        await using var scope = ScopeFactory.CreateAsyncScope();
        var source = RecordId is { } record
            ? new OfRecord(scope.ServiceProvider.GetServices<IRecordPickerSource>().FirstOrDefault(s => s.Source == Source)
                ?? throw new InvalidOperationException($"No record picker source is registered for {Source}."), record)
            : scope.ServiceProvider.GetServices<IPickerSource>().FirstOrDefault(s => s.Source == Source)
                ?? throw new InvalidOperationException($"No picker source is registered for {Source}.");
        _loadedIds = chosenIds;
        _chosen = chosenIds.Count == 0 ? [] : await source.ChosenAsync(chosenIds, CancellationToken.None);
        if (searchNow && _term!.Length > 0)
        {
            _found = await source.SearchAsync(_term, CancellationToken.None);
        }
    }

    /// <summary>A search post is not a save: the form stays invalid with the matches' count next to the field.</summary>
    private void KeepFromSaving(object? sender, ValidationRequestedEventArgs args)
    {
        _messages!.Clear();
        if (_searched)
        {
            _messages.Add(FieldIdentifier, string.IsNullOrEmpty(_term)
                ? T["Picker_TermRequired"].Value
                : _found.Count == 0
                ? T["Picker_NoMatchesFor", _term ?? ""].Value
                : _found.Count == 1
                    ? T["Picker_ChooseFromOne", _term ?? ""].Value
                    : T["Picker_ChooseFrom", _found.Count, _term ?? ""].Value);
        }
    }

    private List<Guid> ChosenIds() => CurrentValue switch
    {
        Guid id => [id],
        IEnumerable<Guid> ids => ids.Distinct().Take(PickerLimits.Chosen).ToList(),
        string text when Guid.TryParse(text, out var id) => [id],
        _ => [],
    };

    /// <inheritdoc />
    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        var id = Id;
        var chosen = ChosenIds().ToHashSet();
        // The chosen first (in the caller's order of names), then the matches not chosen yet.
        var choices = _chosen.Concat(_found.Where(f => !chosen.Contains(f.Id))).ToList();
        // Marked invalid (Blazor's aria-invalid) only with a text that says why, tied to the controls here on the server.
        var messages = EditContext.GetValidationMessages(FieldIdentifier).ToList();
        var errorId = messages.Count == 0 ? null : Field?.ErrorId ?? $"{id}-error";
        var described = string.Join(' ', new[] { Field?.HelpId, errorId }.Where(x => x is not null));
        var searchDescribed = string.Join(' ', new[] { errorId, $"{id}-search-help" }.Where(x => x is not null));

        builder.OpenElement(0, "div");
        builder.AddAttribute(1, "class", "picker-field");

        // Enter in a text field presses the form's first submit button (HTML implicit submission). Without script that
        // was this picker's "Search", so Enter in a title field searched instead of saving. This invisible plain submit
        // comes first and does what the form's primary button does (a form whose primary button carries a name and value
        // starts with its own DefaultSubmit, which then comes first; the UI crawl checks every form's default button).
        // With script the search box goes, and this with it.
        builder.OpenElement(100, "button");
        builder.AddAttribute(101, "type", "submit");
        builder.AddAttribute(102, "class", "visually-hidden");
        builder.AddAttribute(103, "tabindex", "-1");
        builder.AddAttribute(104, "aria-hidden", "true");
        builder.AddAttribute(105, "data-default-button", "");
        builder.AddAttribute(106, "data-picker-nojs", "");
        builder.AddContent(107, T["Action_Save"].Value);
        builder.CloseElement();

        builder.OpenElement(2, "div");
        builder.AddAttribute(3, "class", "input-group mb-1");
        builder.AddAttribute(4, "data-picker-nojs", "");
        builder.OpenElement(5, "input");
        builder.AddAttribute(6, "type", "search");
        builder.AddAttribute(7, "class", "form-control");
        builder.AddAttribute(8, "id", $"{id}-q");
        builder.AddAttribute(9, "name", $"picker-q-{id}");
        builder.AddAttribute(10, "value", _term);
        builder.AddAttribute(11, "maxlength", PickerLimits.TermLength);
        builder.AddAttribute(12, "aria-label", T["Picker_SearchLabel", Label].Value);
        builder.AddAttribute(13, "aria-describedby", searchDescribed);
        builder.CloseElement();
        builder.OpenElement(14, "button");
        builder.AddAttribute(15, "type", "submit");
        builder.AddAttribute(16, "class", "btn btn-outline-secondary");
        builder.AddAttribute(17, "name", SearchButtonName);
        builder.AddAttribute(18, "value", id);
        builder.AddAttribute(19, "formnovalidate", true);
        builder.AddContent(20, T["Picker_Search"].Value);
        builder.CloseElement();
        builder.CloseElement();

        if (Multiple)
        {
            builder.OpenElement(21, "div");
            builder.AddMultipleAttributes(22, AdditionalAttributes?.Where(a => a.Key != "class" && a.Key != "size"));
            builder.AddAttribute(23, "role", "group");
            builder.AddAttribute(24, "aria-label", Label);
            builder.AddAttribute(25, "class", "picker-options");
            builder.AddAttribute(26, "data-picker-multiple", "");
            builder.AddAttribute(26, "data-picker-name", NameAttributeValue);
            builder.AddAttribute(27, "aria-describedby", described.Length == 0 ? null : described);
            builder.AddMultipleAttributes(27, ScriptAttributes());
            if (choices.Count == 0)
            {
                builder.OpenElement(28, "p");
                builder.AddAttribute(29, "class", "form-text mb-0");
                builder.AddContent(30, T["Picker_NothingChosen"].Value);
                builder.CloseElement();
            }

            foreach (var choice in choices)
            {
                builder.OpenElement(31, "div");
                builder.SetKey(choice.Id);
                builder.AddAttribute(31, "class", "form-check");
                builder.OpenElement(32, "input");
                builder.AddAttribute(33, "type", "checkbox");
                builder.AddAttribute(34, "class", "form-check-input");
                builder.AddAttribute(35, "id", $"{id}-{choice.Id:N}");
                builder.AddAttribute(36, "name", NameAttributeValue);
                builder.AddAttribute(37, "value", choice.Id.ToString());
                builder.AddAttribute(38, "checked", chosen.Contains(choice.Id));
                builder.AddAttribute(39, "data-name", choice.Name);
                builder.CloseElement();
                builder.OpenElement(40, "label");
                builder.AddAttribute(41, "class", "form-check-label");
                builder.AddAttribute(42, "for", $"{id}-{choice.Id:N}");
                builder.AddContent(43, choice.Name);
                if (!string.IsNullOrEmpty(choice.Hint))
                {
                    builder.OpenElement(44, "span");
                    builder.AddAttribute(45, "class", "picker-hint");
                    builder.AddContent(46, choice.Hint);
                    builder.CloseElement();
                }

                builder.CloseElement();
                builder.CloseElement();
            }

            builder.CloseElement();
        }
        else
        {
            builder.OpenElement(50, "select");
            builder.AddMultipleAttributes(51, AdditionalAttributes);
            builder.AddAttribute(52, "class", string.IsNullOrEmpty(CssClass) ? "form-select" : $"form-select {CssClass}");
            builder.AddAttribute(53, "name", NameAttributeValue);
            builder.AddAttribute(54, "aria-describedby", described.Length == 0 ? null : described);
            builder.AddMultipleAttributes(54, ScriptAttributes());
            if (NoneText is not null)
            {
                builder.OpenElement(55, "option");
                builder.AddAttribute(56, "value", "");
                builder.AddAttribute(57, "selected", chosen.Count == 0);
                builder.AddContent(58, NoneText);
                builder.CloseElement();
            }

            foreach (var choice in choices)
            {
                builder.OpenElement(60, "option");
                builder.SetKey(choice.Id);
                builder.AddAttribute(61, "value", choice.Id.ToString());
                builder.AddAttribute(62, "selected", chosen.Contains(choice.Id));
                builder.AddContent(63, choice.Name);
                builder.CloseElement();
            }

            builder.CloseElement();
        }

        if (Field is null && errorId is not null)
        {
            // Outside a FormField nobody else shows the message: the picker does, where its controls point.
            builder.OpenElement(65, "div");
            builder.AddAttribute(66, "class", "invalid-feedback d-block");
            builder.AddAttribute(67, "id", errorId);
            builder.AddContent(68, string.Join(" ", messages));
            builder.CloseElement();
        }

        builder.OpenElement(70, "div");
        builder.AddAttribute(71, "class", "form-text");
        builder.AddAttribute(72, "id", $"{id}-search-help");
        builder.AddAttribute(73, "data-picker-nojs", "");
        builder.AddContent(74, T["Picker_NoScriptHelp"].Value);
        builder.CloseElement();

        builder.CloseElement();
    }

    private Dictionary<string, object> ScriptAttributes() => PickerScript.Attributes(
        T, RecordId is { } record ? Source.Replace("{id}", record.ToString(), StringComparison.Ordinal) : Source);

    /// <summary>A record picker source bound to its record, asked like any other source.</summary>
    private sealed class OfRecord(IRecordPickerSource source, Guid recordId) : IPickerSource
    {
        public string Source => source.Source;

        public Task<IReadOnlyList<PickerChoice>> SearchAsync(string term, CancellationToken cancellationToken) =>
            source.SearchAsync(recordId, term, cancellationToken);

        public Task<IReadOnlyList<PickerChoice>> ChosenAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
            source.ChosenAsync(recordId, ids, cancellationToken);
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing && _messages is not null)
        {
            EditContext.OnValidationRequested -= KeepFromSaving;
        }

        base.Dispose(disposing);
    }
}

/// <summary>The search APIs the <see cref="SearchPicker{TValue}"/> can ask (each backed by an <see cref="IPickerSource"/>).</summary>
public static class PickerSources
{
    /// <summary>People of the directory (names only where the person allows it).</summary>
    public const string People = "/api/members/people/search";

    /// <summary>Active member organisations.</summary>
    public const string Organizations = "/api/members/organizations/search";

    /// <summary>Labs and programmes that are not concluded (Labs module; a concluded lab already chosen stays shown).</summary>
    public const string Labs = "/api/labs/search";

    /// <summary>Topic proposals that are not merged (Labs module).</summary>
    public const string Proposals = "/api/labs/proposals/search";

    /// <summary>Open offers of the needs-and-offers exchange (Labs module): a need's match form.</summary>
    public const string Offers = "/api/labs/offers/search";

    /// <summary>Open funding calls, deadline today or later (Funding module, staff).</summary>
    public const string FundingCalls = "/api/funding/calls/search";

    /// <summary>
    /// A lab's action-item owners (Labs module, the lab's managers): contacts of its current member organisations whose
    /// names the caller may read; a record source, <c>{id}</c> is the lab (<see cref="SearchPicker{TValue}.RecordId"/>).
    /// </summary>
    public const string LabActionItemOwners = "/api/labs/{id}/action-item-owners/search";
}
