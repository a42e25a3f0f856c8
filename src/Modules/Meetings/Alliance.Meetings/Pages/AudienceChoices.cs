using Alliance.Labs.Contracts;
using Alliance.Shared.Localization;
using Alliance.Shared.Modules;
using MediatR;

namespace Alliance.Meetings.Pages;

/// <summary>What the audience fields of the meeting forms offer besides the organisation picker: the labs when the labs module is present.</summary>
internal static class AudienceChoices
{
    /// <summary>The labs an audience may name (null without the Labs module); organisations are chosen with the picker.</summary>
    public static async Task<IReadOnlyList<LabSummary>?> LoadLabsAsync(IMediator mediator, ModuleCatalog catalog) =>
        catalog.Handles(typeof(GetLabDetails)) && catalog.Handles(typeof(GetLabs))
            ? (await mediator.Send(new GetLabs())).OrderBy(l => l.Title, GermanSort.Comparer).ToList()
            : null;

    /// <summary>"7, 1" → [7, 1]; anything that is not a number becomes -1 so that the validator names the field.</summary>
    public static List<int> ParseReminderDays(string? text) =>
        [.. (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => int.TryParse(d, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : -1)];
}
