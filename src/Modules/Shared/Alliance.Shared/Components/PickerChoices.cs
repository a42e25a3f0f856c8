using Microsoft.Extensions.DependencyInjection;

namespace Alliance.Shared.Components;

/// <summary>One entry of a <see cref="SearchPicker{TValue}"/>: what is posted (<see cref="Id"/>), shown and hinted.</summary>
/// <param name="Id">The chosen person's or organisation's id.</param>
/// <param name="Name">The visible name (already reduced to what the caller may see).</param>
/// <param name="Hint">A second line that tells equal names apart (organisation, district), or null.</param>
public sealed record PickerChoice(Guid Id, string Name, string? Hint);

/// <summary>
/// A searchable list behind a <see cref="SearchPicker{TValue}"/>: the module that owns the data implements it with the
/// same use cases its search API sends, so a page renders only what was chosen and what a search found — never the whole
/// table — and the same visibility rules apply with and without JavaScript.
/// </summary>
public interface IPickerSource
{
    /// <summary>The search API the script asks (<c>?q=…&amp;pageSize=20</c>), also the key pages name in <c>Source</c>.</summary>
    string Source { get; }

    /// <summary>At most <see cref="PickerLimits.Results"/> choices whose name contains every word of <paramref name="term"/>.</summary>
    Task<IReadOnlyList<PickerChoice>> SearchAsync(string term, CancellationToken cancellationToken);

    /// <summary>The choices with these ids the caller may see (the values already chosen on a form).</summary>
    Task<IReadOnlyList<PickerChoice>> ChosenAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken);
}

/// <summary>
/// A searchable list whose choices belong to one record, e.g. a lab's action-item owners (the contacts of that lab's member
/// organisations). <see cref="Source"/> is the search API's route with an <c>{id}</c> placeholder for the record's id; the
/// page names the record in <see cref="SearchPicker{TValue}.RecordId"/>, and the picker asks this source and lets the
/// script ask the route with that id. Everything else is as for an <see cref="IPickerSource"/>.
/// </summary>
public interface IRecordPickerSource
{
    /// <summary>The search API with <c>{id}</c> for the record (<c>/api/labs/{id}/action-item-owners/search</c>), also the key pages name in <c>Source</c>.</summary>
    string Source { get; }

    /// <summary>At most <see cref="PickerLimits.Results"/> choices of record <paramref name="recordId"/> whose name contains every word of <paramref name="term"/>.</summary>
    Task<IReadOnlyList<PickerChoice>> SearchAsync(Guid recordId, string term, CancellationToken cancellationToken);

    /// <summary>The choices with these ids the caller may see (the values already chosen on a form of record <paramref name="recordId"/>).</summary>
    Task<IReadOnlyList<PickerChoice>> ChosenAsync(Guid recordId, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken);
}

/// <summary>Limits of the pickers' searches.</summary>
public static class PickerLimits
{
    /// <summary>A search answers at most this many choices.</summary>
    public const int Results = 20;

    /// <summary>The longest search term accepted (characters, UTF-16 code units like the search box's <c>maxlength</c>).</summary>
    public const int TermLength = 100;

    /// <summary>
    /// The typeahead asks the server only from this many characters on (fewer would match most of a table); below it,
    /// it says how many to type. The search APIs and the no-script search accept any non-blank term.
    /// </summary>
    public const int MinTermLength = 2;

    /// <summary>The most words of a term that must each match (<see cref="PickerSearch.WordPatterns"/>): one condition each.</summary>
    public const int TermWords = 5;

    /// <summary>The most chosen values a picker resolves at once.</summary>
    public const int Chosen = 1000;
}

/// <summary>Registration of picker sources.</summary>
public static class PickerSourceRegistration
{
    /// <summary>Adds a picker source (scoped: it sends the caller's requests).</summary>
    public static IServiceCollection AddPickerSource<T>(this IServiceCollection services)
        where T : class, IPickerSource =>
        services.AddScoped<IPickerSource, T>();

    /// <summary>Adds a picker source whose choices belong to one record (scoped: it sends the caller's requests).</summary>
    public static IServiceCollection AddRecordPickerSource<T>(this IServiceCollection services)
        where T : class, IRecordPickerSource =>
        services.AddScoped<IRecordPickerSource, T>();
}
