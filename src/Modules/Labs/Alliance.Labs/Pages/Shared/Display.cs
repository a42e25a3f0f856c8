using System.Globalization;
using Alliance.Shared.Localization;

namespace Alliance.Labs.Pages.Shared;

/// <summary>Dates as people here read them: in the alliance's time zone and the UI culture.</summary>
internal static class Display
{
    public static string Date(DateOnly? date) => date?.ToString("d", CultureInfo.CurrentCulture) ?? "—";

    public static string Date(DateTimeOffset instant) => AllianceTime.Date(instant);

    public static string DateTime(DateTimeOffset instant) => AllianceTime.DateTime(instant);
}
