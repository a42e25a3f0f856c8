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

    /// <summary>
    /// Today's date in the alliance's zone. Use it wherever a day is meant (due dates, "overdue", deadlines): the UTC
    /// date is yesterday's in Berlin between midnight and 01:00/02:00.
    /// </summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(Now(clock).DateTime);

    /// <summary>The current instant as wall-clock time in the alliance's zone (offset included).</summary>
    public static DateTimeOffset Now(TimeProvider clock) => Local(clock.GetUtcNow());

    /// <summary>The instant a day begins in the alliance's zone (midnight local, DST-aware), e.g. for "from this day on" filters.</summary>
    public static DateTimeOffset StartOf(DateOnly day)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(midnight, Zone.GetUtcOffset(midnight));
    }

    /// <summary>Date and time in the UI culture, e.g. 23.11.2026 18:00 or 23 Nov 2026 18:00.</summary>
    public static string DateTime(DateTimeOffset instant) => Local(instant).ToString("g", CultureInfo.CurrentCulture);

    public static string Date(DateTimeOffset instant) => Local(instant).ToString("d", CultureInfo.CurrentCulture);
}
