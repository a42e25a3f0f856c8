using Alliance.Meetings.Scheduling;

namespace Alliance.Meetings.Tests;

/// <summary>RFC 5545 §3.3.10: a UTC UNTIL is an instant, a local UNTIL is wall-clock time in the series' zone, a date-only UNTIL its whole day.</summary>
public sealed class RecurrenceUntilTests
{
    private static List<DateTimeOffset> Instants(string rule, DateOnly first, TimeOnly time, string zone) =>
        [.. Recurrence.LocalStarts(rule, first, time, new DateOnly(2028, 1, 1), zone).Select(l => Recurrence.ToInstant(l, Recurrence.FindZone(zone)!))];

    [Theory]
    // 17 Dec 18:00 local is exactly the UTC UNTIL: inclusive.
    [InlineData("Europe/Berlin", "20261217T170000Z", 3)]
    [InlineData("America/New_York", "20261217T230000Z", 3)]
    [InlineData("Asia/Tokyo", "20261217T090000Z", 3)]
    // One minute earlier: the 17th is after the instant.
    [InlineData("Europe/Berlin", "20261217T165900Z", 2)]
    [InlineData("America/New_York", "20261217T225900Z", 2)]
    [InlineData("Asia/Tokyo", "20261217T085900Z", 2)]
    // West of UTC the UTC date is already the next day: still the 17th is the last.
    [InlineData("America/New_York", "20261218T000000Z", 3)]
    // East of UTC the 17th's meeting is already over at noon UTC of the 17th.
    [InlineData("Asia/Tokyo", "20261217T120000Z", 3)]
    public void A_utc_until_is_an_instant_in_every_zone(string zone, string until, int expected)
    {
        var instants = Instants($"FREQ=WEEKLY;BYDAY=TH;UNTIL={until}", new DateOnly(2026, 12, 1), new TimeOnly(18, 0), zone);

        Assert.Equal([.. new[] { 3, 10, 17 }.Take(expected)], instants.Select(i => Recurrence.ToLocal(i, zone).Day).ToList());
        Assert.All(instants, i => Assert.Equal(18, Recurrence.ToLocal(i, zone).Hour));
    }

    [Fact]
    public void The_example_of_the_issue_gives_the_3rd_10th_and_17th_of_december()
    {
        var instants = Instants("FREQ=WEEKLY;BYDAY=TH;UNTIL=20261217T170000Z", new DateOnly(2026, 12, 1), new TimeOnly(18, 0), "Europe/Berlin");

        Assert.Equal(
            [new DateTimeOffset(2026, 12, 3, 17, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 10, 17, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 17, 17, 0, 0, TimeSpan.Zero)],
            instants);
    }

    [Fact]
    public void A_utc_until_across_a_daylight_saving_change_compares_instants()
    {
        // Berlin leaves summer time on 31 Oct 2027: 18:00 on 4 Nov is 17:00Z, on 28 Oct it is 16:00Z.
        var instants = Instants("FREQ=WEEKLY;BYDAY=TH;UNTIL=20271104T170000Z", new DateOnly(2027, 10, 21), new TimeOnly(18, 0), "Europe/Berlin");
        Assert.Equal([21, 28, 4], instants.Select(i => Recurrence.ToLocal(i, "Europe/Berlin").Day).ToList());
        Assert.Equal(16, instants[1].UtcDateTime.Hour);
        Assert.Equal(17, instants[2].UtcDateTime.Hour);

        var before = Instants("FREQ=WEEKLY;BYDAY=TH;UNTIL=20271104T165959Z", new DateOnly(2027, 10, 21), new TimeOnly(18, 0), "Europe/Berlin");
        Assert.Equal([21, 28], before.Select(i => Recurrence.ToLocal(i, "Europe/Berlin").Day).ToList());

        // New York: summer time ends 7 Nov 2027; 18:00 EST on 11 Nov is 23:00Z.
        var west = Instants("FREQ=WEEKLY;BYDAY=TH;UNTIL=20271111T230000Z", new DateOnly(2027, 11, 1), new TimeOnly(18, 0), "America/New_York");
        Assert.Equal([4, 11], west.Select(i => Recurrence.ToLocal(i, "America/New_York").Day).ToList());
        Assert.Equal(22, west[0].UtcDateTime.Hour);
    }

    [Fact]
    public void East_of_utc_an_early_meeting_is_on_the_previous_utc_day()
    {
        // Tokyo 08:00 on 17 Dec is 23:00Z on 16 Dec: an UNTIL at the end of the 16th (UTC) still includes it.
        var instants = Instants("FREQ=WEEKLY;BYDAY=TH;UNTIL=20261216T230000Z", new DateOnly(2026, 12, 1), new TimeOnly(8, 0), "Asia/Tokyo");
        Assert.Equal([3, 10, 17], instants.Select(i => Recurrence.ToLocal(i, "Asia/Tokyo").Day).ToList());
        Assert.Equal(new DateTimeOffset(2026, 12, 16, 23, 0, 0, TimeSpan.Zero), instants[^1]);
    }

    [Theory]
    [InlineData("Europe/Berlin")]
    [InlineData("America/New_York")]
    [InlineData("Asia/Tokyo")]
    public void Date_only_and_local_until_and_count_keep_their_meaning(string zone)
    {
        var first = new DateOnly(2026, 12, 1);
        var time = new TimeOnly(18, 0);
        int[] all = [3, 10, 17];

        Assert.Equal(all, Instants("FREQ=WEEKLY;BYDAY=TH;UNTIL=20261217", first, time, zone).Select(i => Recurrence.ToLocal(i, zone).Day).ToArray());
        Assert.Equal(all, Instants("FREQ=WEEKLY;BYDAY=TH;UNTIL=20261217T180000", first, time, zone).Select(i => Recurrence.ToLocal(i, zone).Day).ToArray());
        Assert.Equal([3, 10], Instants("FREQ=WEEKLY;BYDAY=TH;UNTIL=20261217T175900", first, time, zone).Select(i => Recurrence.ToLocal(i, zone).Day).ToArray());
        Assert.Equal(all, Instants("FREQ=WEEKLY;BYDAY=TH;COUNT=3", first, time, zone).Select(i => Recurrence.ToLocal(i, zone).Day).ToArray());
        Assert.Equal([3, 10], Instants("FREQ=WEEKLY;BYDAY=TH;UNTIL=20261216", first, time, zone).Select(i => Recurrence.ToLocal(i, zone).Day).ToArray());
    }

    /// <summary>The series page's "ends on" for every form of UNTIL, also for rules the picker cannot show (expert rules).</summary>
    [Theory]
    [InlineData("FREQ=WEEKLY;BYDAY=TH;UNTIL=20270331T215959Z", "Europe/Berlin", "2027-03-31")] // 23:59:59 summer time
    [InlineData("FREQ=WEEKLY;BYDAY=TH;UNTIL=20270331T230000Z", "Europe/Berlin", "2027-04-01")] // 01:00 the next morning
    [InlineData("FREQ=WEEKLY;BYDAY=TH;UNTIL=20270331T230000Z", "America/New_York", "2027-03-31")]
    [InlineData("FREQ=WEEKLY;BYDAY=TH;UNTIL=20271231T180000", "Europe/Berlin", "2027-12-31")] // local: as written
    [InlineData("FREQ=MONTHLY;BYMONTHDAY=1;UNTIL=20271231", "Europe/Berlin", "2027-12-31")]
    [InlineData("FREQ=WEEKLY;BYDAY=TH;COUNT=3", "Europe/Berlin", null)]
    [InlineData("FREQ=WEEKLY;BYDAY=TH", "Europe/Berlin", null)]
    public void The_last_day_of_a_rule_is_its_until_read_in_the_series_zone(string rule, string zone, string? lastDay) =>
        Assert.Equal(lastDay is null ? null : DateOnly.Parse(lastDay, System.Globalization.CultureInfo.InvariantCulture), Recurrence.LastDay(rule, zone));
}
