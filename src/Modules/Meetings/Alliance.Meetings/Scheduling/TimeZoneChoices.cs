using System.Globalization;
using Alliance.Shared.Localization;
using NodaTime;

namespace Alliance.Meetings.Scheduling;

/// <summary>
/// The time zones a series or meeting may use: the canonical IANA zones of the tz database NodaTime ships, grouped by
/// region for the picker (a select, so the browser's type-ahead finds "Berlin"). The default is the alliance's zone.
/// </summary>
internal static class TimeZoneChoices
{
    private static readonly string[] Regions = ["Europe", "America", "Asia", "Africa", "Australia", "Pacific", "Atlantic", "Indian", "Antarctica", "Arctic"];

    /// <summary>Canonical zone ids by region (a region's ids start with its name and a slash), regions in a fixed order, ids sorted.</summary>
    public static readonly IReadOnlyList<(string Region, IReadOnlyList<string> Zones)> ByRegion = Build();

    /// <summary>The alliance's zone (<c>App:TimeZone</c>) as an IANA id.</summary>
    public static string Default =>
        Recurrence.FindZone(AllianceTime.Zone.Id) is null && TimeZoneInfo.TryConvertWindowsIdToIanaId(AllianceTime.Zone.Id, out var iana)
            ? iana
            : AllianceTime.Zone.Id;

    /// <summary>"Wien – Mitteleuropäische Zeit (UTC+01:00)": the zone's city and generic name in the UI language (CLDR, see <see cref="ZoneNames"/>) with its offset now.</summary>
    public static string Label(string id, Instant now, CultureInfo culture)
    {
        var zone = DateTimeZoneProviders.Tzdb[id];
        var offset = zone.GetUtcOffset(now).ToTimeSpan();
        var names = ZoneNames.For(id, culture);
        var name = names.Generic is null ? names.City : $"{names.City} – {names.Generic}";
        return $"{name} (UTC{(offset < TimeSpan.Zero ? "-" : "+")}{offset:hh\\:mm})";
    }

    /// <summary>The zones of a region with their labels, in the UI language's alphabetical order of the labels.</summary>
    public static IEnumerable<(string Id, string Label)> Labelled(IReadOnlyList<string> zones, Instant now, CultureInfo culture) =>
        zones.Select(id => (id, Label(id, now, culture))).OrderBy(z => z.Item2, StringComparer.Create(culture, CompareOptions.IgnoreCase));

    private static List<(string, IReadOnlyList<string>)> Build()
    {
        var canonical = NodaTime.TimeZones.TzdbDateTimeZoneSource.Default.CanonicalIdMap.Where(p => p.Key == p.Value).Select(p => p.Key).ToList();
        return [.. Regions
            .Select(region => (region, (IReadOnlyList<string>)canonical.Where(id => id.StartsWith(region + "/", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList()))
            .Where(group => group.Item2.Count > 0),
            ("UTC", ["UTC"])];
    }
}
