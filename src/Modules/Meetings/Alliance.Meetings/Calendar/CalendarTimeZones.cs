using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using NodaTime;

namespace Alliance.Meetings.Calendar;

/// <summary>
/// VTIMEZONE components written from the TZDB transitions (NodaTime) over the years a file needs: every onset is
/// its own observance (no open-ended RRULE), so readers that rely only on the file's VTIMEZONE (ical.js, Thunderbird)
/// place a 2001 meeting by the 2001 rules and a 2040 one by today's, also in zones whose rules changed (New York 2007,
/// Moscow 2011/2014, São Paulo 2019).
/// </summary>
internal static class CalendarTimeZones
{
    /// <summary>The zone's observances from a year before <paramref name="earliest"/> to a year after <paramref name="latest"/>.</summary>
    public static VTimeZone Build(string tzId, DateTimeOffset earliest, DateTimeOffset latest)
    {
        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(tzId) ?? DateTimeZone.Utc;
        var from = Instant.FromUtc(earliest.UtcDateTime.Year - 1, 1, 1, 0, 0);
        var to = Instant.FromUtc(latest.UtcDateTime.Year + 2, 1, 1, 0, 0);
        var intervals = zone.GetZoneIntervals(from, to).ToList();
        var timeZone = new VTimeZone { TzId = tzId, Location = tzId };

        // The offset in force at the start of the range: an observance without change (FROM = TO) from that moment on.
        var first = intervals[0];
        var onsets = new List<(bool Daylight, string Name, Offset From, Offset To, LocalDateTime Onset)>
        {
            (first.Savings != Offset.Zero, first.Name, first.WallOffset, first.WallOffset, from.WithOffset(first.WallOffset).LocalDateTime),
        };
        for (var i = 1; i < intervals.Count; i++)
        {
            var (before, after) = (intervals[i - 1], intervals[i]);
            // The onset is written in the local time in force before it (RFC 5545 §3.6.5: DTSTART/RDATE use TZOFFSETFROM).
            onsets.Add((after.Savings != Offset.Zero, after.Name, before.WallOffset, after.WallOffset, after.Start.WithOffset(before.WallOffset).LocalDateTime));
        }

        // One observance per onset rather than RDATE lists: ical.js reads only the first value of an RDATE and ignores the
        // DTSTART of a component that has one, and Outlook ignores RDATE in VTIMEZONE altogether.
        foreach (var onset in onsets)
        {
            timeZone.TimeZoneInfos.Add(new VTimeZoneInfo(onset.Daylight ? "DAYLIGHT" : "STANDARD")
            {
                TimeZoneName = onset.Name,
                OffsetFrom = new UtcOffset(onset.From.ToTimeSpan()),
                OffsetTo = new UtcOffset(onset.To.ToTimeSpan()),
                DtStart = Floating(onset.Onset),
            });
        }

        return timeZone;
    }

    private static CalDateTime Floating(LocalDateTime local) => new(local.Year, local.Month, local.Day, local.Hour, local.Minute, local.Second);
}
