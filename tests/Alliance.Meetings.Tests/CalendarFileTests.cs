using Alliance.Meetings.Calendar;
using Alliance.Meetings.Domain;
using Alliance.Meetings.Scheduling;
using Microsoft.Extensions.DependencyInjection;

namespace Alliance.Meetings.Tests;

/// <summary>Calendar files read back by a third-party reader (ical.js) at the true UTC instants.</summary>
[Collection(SharedAlliance.Collection)]
public sealed class CalendarFileTests(AllianceApp app)
{
    [Fact]
    public async Task Every_meeting_of_a_file_whatever_its_year_reads_at_its_true_utc_instant_in_ical_js()
    {
        // Winter and summer dates from 2001 to 2040, in zones whose rules stayed (Berlin), changed (New York 2007,
        // Moscow 2011/2014) or ended daylight saving (São Paulo 2019), and one without (Tokyo).
        var cases = new (string Zone, DateTime Local, DateTimeOffset Utc)[]
        {
            ("Europe/Berlin", new(2001, 1, 18, 18, 0, 0), new(2001, 1, 18, 17, 0, 0, TimeSpan.Zero)),
            ("Europe/Berlin", new(2001, 7, 19, 18, 0, 0), new(2001, 7, 19, 16, 0, 0, TimeSpan.Zero)),
            ("Europe/Berlin", new(2015, 3, 26, 18, 0, 0), new(2015, 3, 26, 17, 0, 0, TimeSpan.Zero)),
            ("Europe/Berlin", new(2015, 3, 30, 18, 0, 0), new(2015, 3, 30, 16, 0, 0, TimeSpan.Zero)),
            ("Europe/Berlin", new(2026, 12, 17, 18, 0, 0), new(2026, 12, 17, 17, 0, 0, TimeSpan.Zero)),
            ("Europe/Berlin", new(2040, 7, 19, 18, 0, 0), new(2040, 7, 19, 16, 0, 0, TimeSpan.Zero)),
            ("Europe/Berlin", new(2040, 12, 20, 18, 0, 0), new(2040, 12, 20, 17, 0, 0, TimeSpan.Zero)),
            ("America/New_York", new(2001, 3, 20, 18, 0, 0), new(2001, 3, 20, 23, 0, 0, TimeSpan.Zero)),
            ("America/New_York", new(2026, 3, 20, 18, 0, 0), new(2026, 3, 20, 22, 0, 0, TimeSpan.Zero)),
            ("America/New_York", new(2040, 11, 1, 18, 0, 0), new(2040, 11, 1, 22, 0, 0, TimeSpan.Zero)),
            ("America/Sao_Paulo", new(2015, 12, 15, 18, 0, 0), new(2015, 12, 15, 20, 0, 0, TimeSpan.Zero)),
            ("America/Sao_Paulo", new(2026, 12, 15, 18, 0, 0), new(2026, 12, 15, 21, 0, 0, TimeSpan.Zero)),
            ("Europe/Moscow", new(2012, 1, 15, 18, 0, 0), new(2012, 1, 15, 14, 0, 0, TimeSpan.Zero)),
            ("Europe/Moscow", new(2015, 1, 15, 18, 0, 0), new(2015, 1, 15, 15, 0, 0, TimeSpan.Zero)),
            ("Asia/Tokyo", new(2001, 7, 19, 18, 0, 0), new(2001, 7, 19, 9, 0, 0, TimeSpan.Zero)),
            ("Asia/Tokyo", new(2040, 1, 19, 18, 0, 0), new(2040, 1, 19, 9, 0, 0, TimeSpan.Zero)),
        };
        var meetings = cases.Select(c => new Meeting
        {
            Id = Guid.NewGuid(),
            Title = $"Treffen {c.Zone} {c.Local:yyyy-MM-dd}",
            TimeZone = c.Zone,
            StartsAt = Recurrence.ToInstant(DateOnly.FromDateTime(c.Local), TimeOnly.FromDateTime(c.Local), c.Zone),
            EndsAt = Recurrence.ToInstant(DateOnly.FromDateTime(c.Local), TimeOnly.FromDateTime(c.Local.AddHours(2)), c.Zone),
            Place = "Rathaus",
            CreatedAt = DateTimeOffset.UtcNow,
        }).ToList();

        var ics = await app.WithScopeAsync(sp => Task.FromResult(sp.GetRequiredService<IcsWriter>().Write("Alle Jahre", meetings)));
        var read = await IcalJs.ReadAsync(ics);

        for (var i = 0; i < cases.Length; i++)
        {
            var (start, end) = read[$"{meetings[i].Id}@alliance"];
            Assert.True(cases[i].Utc == start, $"{cases[i].Zone} {cases[i].Local:yyyy-MM-dd HH:mm}: ical.js reads {start:u}, true instant {cases[i].Utc:u}");
            Assert.Equal(cases[i].Utc.AddHours(2), end);
        }
    }
}
