using System.Globalization;

namespace Alliance.Shared.Localization;

/// <summary>
/// Instants are stored in UTC (timestamptz) and shown in the alliance's time zone (<c>App:TimeZone</c>, default
/// Europe/Berlin), whatever zone the server runs in. Meetings carry their own zone and convert with it instead.
/// </summary>
public static class AllianceTime
{
    public const string DefaultZone = "Europe/Berlin";

    /// <summary>Set once at start from configuration.</summary>
    public static TimeZoneInfo Zone { get; set; } = TimeZoneInfo.FindSystemTimeZoneById(DefaultZone);

    public static DateTimeOffset Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>Date and time in the UI culture, e.g. 23.11.2026 18:00 or 23/11/2026 18:00.</summary>
    public static string DateTime(DateTimeOffset instant) => Local(instant).ToString("g", CultureInfo.CurrentCulture);

    public static string Date(DateTimeOffset instant) => Local(instant).ToString("d", CultureInfo.CurrentCulture);
}
