using Alliance.Shared.Localization;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using NodaTime;

namespace Alliance.Meetings.Scheduling;

/// <summary>
/// RFC 5545 rules evaluated by Ical.Net on local ("floating") date-times, then placed in the IANA zone by NodaTime:
/// a meeting at 18:00 stays at 18:00 local time across daylight-saving changes.
/// </summary>
internal static class Recurrence
{
    /// <summary>The IANA zone of meetings that name none: the alliance's own (<c>App:TimeZone</c>, via <see cref="AllianceTime.Zone"/>).</summary>
    public static string DefaultTimeZone => AllianceTime.Zone.Id;

    public static DateTimeZone? FindZone(string? id) =>
        string.IsNullOrWhiteSpace(id) ? null : DateTimeZoneProviders.Tzdb.GetZoneOrNull(id.Trim());

    /// <summary>Whether the text is a rule Ical.Net understands and that yields at least one date.</summary>
    public static bool IsValidRule(string? rule)
    {
        if (string.IsNullOrWhiteSpace(rule) || rule.Contains("DTSTART", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        try
        {
            var pattern = new RecurrencePattern(rule.Trim());
            if (pattern.Frequency < Ical.Net.FrequencyType.Daily)
            {
                return false; // hourly, minutely, secondly: not meetings
            }

            return LocalStarts(rule, new DateOnly(2026, 1, 1), new TimeOnly(18, 0), new DateOnly(2036, 1, 1)).Any();
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException or NotSupportedException)
        {
            return false;
        }
    }

    /// <summary>
    /// The last day a rule's UNTIL allows, as a day in <paramref name="timeZone"/> (RFC 5545 §3.3.10: a UTC UNTIL is an
    /// instant, so "UNTIL=20270331T215959Z" ends on 31 March in Berlin; a local or date-only UNTIL is that day). Null when
    /// the rule has no UNTIL (it ends by COUNT or not at all) or cannot be read.
    /// </summary>
    public static DateOnly? LastDay(string rule, string? timeZone = null)
    {
        try
        {
            if (new RecurrencePattern(rule.Trim()).Until is not { } until)
            {
                return null;
            }

            if (!until.IsUtc)
            {
                return new DateOnly(until.Year, until.Month, until.Day);
            }

            var zone = FindZone(timeZone ?? DefaultTimeZone) ?? DateTimeZone.Utc;
            var instant = Instant.FromUtc(until.Year, until.Month, until.Day, until.Hour, until.Minute, until.Second);
            return DateOnly.FromDateTime(instant.InZone(zone).Date.ToDateTimeUnspecified());
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>
    /// Local start date-times (in <paramref name="timeZone"/>) of the rule from <paramref name="first"/> up to (excluding)
    /// <paramref name="until"/>. Ical.Net evaluates the rule on a DTSTART with TZID, so a UTC UNTIL is compared as the instant
    /// it is (RFC 5545 §3.3.10) in every zone; a local UNTIL is read in the series' zone, and a date-only UNTIL includes its
    /// whole day (as libical/Thunderbird and Google read it).
    /// </summary>
    public static IEnumerable<LocalDateTime> LocalStarts(string rule, DateOnly first, TimeOnly startTime, DateOnly until, string? timeZone = null)
    {
        var zone = FindZone(timeZone ?? DefaultTimeZone) ?? DateTimeZone.Utc;
        var pattern = new RecurrencePattern(rule.Trim());
        if (pattern.Until is { IsUtc: false } localUntil)
        {
            // Rewrite the UNTIL as the UTC instant it means in the series' zone, which is what RFC 5545 asks for with a zoned DTSTART.
            var wall = localUntil.HasTime
                ? new LocalDateTime(localUntil.Year, localUntil.Month, localUntil.Day, localUntil.Hour, localUntil.Minute, localUntil.Second)
                : new LocalDateTime(localUntil.Year, localUntil.Month, localUntil.Day, 23, 59, 59);
            var utc = zone.AtLeniently(wall).ToInstant().ToDateTimeUtc();
            pattern.Until = new CalDateTime(utc.Year, utc.Month, utc.Day, utc.Hour, utc.Minute, utc.Second, CalDateTime.UtcTzId);
        }

        var start = new CalDateTime(first.Year, first.Month, first.Day, startTime.Hour, startTime.Minute, 0, zone.Id);
        var calendarEvent = new CalendarEvent { DtStart = start, RecurrenceRule = pattern };
        var limit = new LocalDateTime(until.Year, until.Month, until.Day, 0, 0);
        foreach (var occurrence in calendarEvent.GetOccurrences())
        {
            var value = occurrence.Period.StartTime.Value;
            var local = new LocalDateTime(value.Year, value.Month, value.Day, value.Hour, value.Minute);
            if (local >= limit)
            {
                yield break;
            }

            yield return local;
        }
    }

    /// <summary>The instant of a local time in the zone; a time skipped by a DST jump moves forward, an ambiguous one takes the earlier.</summary>
    public static DateTimeOffset ToInstant(LocalDateTime local, DateTimeZone zone) =>
        zone.AtLeniently(local).ToDateTimeOffset().ToUniversalTime();

    public static DateTimeOffset ToInstant(DateOnly date, TimeOnly time, string timeZone) =>
        ToInstant(new LocalDateTime(date.Year, date.Month, date.Day, time.Hour, time.Minute), FindZone(timeZone) ?? DateTimeZone.Utc);

    /// <summary>The instant shown as local date-time in the zone (for pages and e-mails).</summary>
    public static DateTime ToLocal(DateTimeOffset instant, string timeZone)
    {
        var zone = FindZone(timeZone) ?? DateTimeZone.Utc;
        return Instant.FromDateTimeOffset(instant).InZone(zone).LocalDateTime.ToDateTimeUnspecified();
    }
}
