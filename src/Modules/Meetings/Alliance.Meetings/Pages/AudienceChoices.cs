using Alliance.Labs.Contracts;
using Alliance.Meetings.Domain;
using Alliance.Shared.Modules;

namespace Alliance.Meetings.Pages;

/// <summary>What the meeting forms' audience and lab fields offer: a lab only when the Labs module is present.</summary>
internal static class AudienceChoices
{
    /// <summary>
    /// Whether a meeting, series, agenda item or decision can name a lab: the Labs module answers the audience's
    /// <see cref="GetLabDetails"/> and serves the lab picker (<c>PickerSources.Labs</c>), so the forms never list labs themselves.
    /// </summary>
    public static bool HasLabs(ModuleCatalog catalog) => catalog.Handles(typeof(GetLabDetails));

    /// <summary>
    /// The reminders field's <c>maxlength</c>: the most reminder days a meeting may have (<see cref="RequestCaps.RemindersPerMeeting"/>),
    /// each at most two digits (1–60 days) followed by ", ".
    /// </summary>
    public const int ReminderDaysLength = RequestCaps.RemindersPerMeeting * 4;

    /// <summary>"7, 1" → [7, 1]; anything that is not a number becomes -1 so that the validator names the field.</summary>
    public static List<int> ParseReminderDays(string? text) =>
        [.. (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => int.TryParse(d, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : -1)];
}
