using System.Globalization;

namespace Alliance.Labs.Pages.Shared;

/// <summary>Dates as people here read them: in the alliance's time zone and the UI culture.</summary>
internal static class Display
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    public static string Date(DateOnly? date) => date?.ToString("d", CultureInfo.CurrentCulture) ?? "—";

    public static string Date(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone).ToString("d", CultureInfo.CurrentCulture);

    public static string DateTime(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone).ToString("g", CultureInfo.CurrentCulture);
}
