using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Alliance.Meetings.Domain;
using Alliance.Meetings.Scheduling;
using Alliance.Meetings.Series;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Meetings.Tests;

// Own host: it creates weekly series for every organisation: each writes 90 days of occurrences and about 1,700 invitation events and mails, whose delivery would hold up the mail the next classes wait for.
public sealed class SchedulingTests(AllianceApp app) : IClassFixture<AllianceApp>
{
    [Fact]
    public void Third_thursday_of_the_quarter_stays_at_18_00_local_across_daylight_saving()
    {
        var starts = Recurrence.LocalStarts("FREQ=MONTHLY;INTERVAL=3;BYDAY=TH;BYSETPOS=3", new DateOnly(2027, 1, 1), new TimeOnly(18, 0), new DateOnly(2028, 1, 1)).ToList();
        var zone = Recurrence.FindZone("Europe/Berlin")!;

        Assert.Equal([new DateOnly(2027, 1, 21), new DateOnly(2027, 4, 15), new DateOnly(2027, 7, 15), new DateOnly(2027, 10, 21)],
            starts.Select(s => new DateOnly(s.Year, s.Month, s.Day)).ToList());
        var instants = starts.Select(s => Recurrence.ToInstant(s, zone)).ToList();
        Assert.Equal(17, instants[0].UtcDateTime.Hour); // winter: UTC+1
        Assert.Equal(16, instants[1].UtcDateTime.Hour); // summer: UTC+2
        Assert.All(instants, i => Assert.Equal(18, Recurrence.ToLocal(i, "Europe/Berlin").Hour));
    }

    [Fact]
    public async Task Materialising_twice_or_concurrently_creates_each_occurrence_once_numbered()
    {
        var staff = await app.PrincipalAsync(DemoUsers.Staff);
        var seriesId = await app.SendAsync(new CreateSeries("Netzwerkfrühstück", MeetingKind.NetworkMeeting, "FREQ=WEEKLY;BYDAY=TU",
            DateOnly.FromDateTime(AllianceClock.Today), new TimeOnly(8, 0), 90, "Europe/Berlin", "Gründerzentrum", null, 30,
            Audience: AudienceKind.ChosenOrganizations, OrganizationIds: [await MeetingScenario.OrganizationOfAsync(app, await MeetingScenario.PersonIdAsync(app, DemoUsers.Representative))]), staff);

        var runs = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => app.SendAsync(new MaterializeOccurrences(seriesId))));
        var again = await app.SendAsync(new MaterializeOccurrences(seriesId));

        var meetings = await MeetingScenario.DbAsync(app, db => db.Meetings.AsNoTracking().Where(m => m.SeriesId == seriesId).OrderBy(m => m.StartsAt).ToListAsync());
        Assert.InRange(meetings.Count, 12, 14); // weekly within 90 days
        // CreateSeries wrote the occurrences with the series in one transaction; concurrent job runs add none twice.
        Assert.Equal(0, runs.Sum());
        Assert.Equal(0, again);
        Assert.Equal(meetings.Count, meetings.Select(m => m.Number).Distinct().Count());
        Assert.All(meetings, m => Assert.Equal(8, Recurrence.ToLocal(m.StartsAt, m.TimeZone).Hour));
        // Every occurrence invited the chosen organisation's people exactly once.
        var invitations = await MeetingScenario.DbAsync(app, db => db.Registrations.Where(r => meetings.Select(m => m.Id).Contains(r.MeetingId))
            .GroupBy(r => new { r.MeetingId, r.PersonId }).CountAsync(g => g.Count() > 1));
        Assert.Equal(0, invitations);
    }

    [Theory]
    [InlineData("recurrenceRule", "FREQ=SOMETIMES", "Europe/Berlin", 60, 150)]
    [InlineData("timeZone", "FREQ=WEEKLY", "Mars/Olympus", 60, 150)]
    [InlineData("capacity", "FREQ=WEEKLY", "Europe/Berlin", 0, 150)]
    [InlineData("capacity", "FREQ=WEEKLY", "Europe/Berlin", -5, 150)]
    [InlineData("durationMinutes", "FREQ=WEEKLY", "Europe/Berlin", 60, -30)]
    public async Task Bad_series_input_gets_per_field_problem_details_and_stores_nothing(string field, string rule, string zone, int capacity, int duration)
    {
        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        var before = await MeetingScenario.DbAsync(app, db => db.Series.CountAsync());

        var response = await staff.PostAsJsonAsync("/api/meetings/series", new
        {
            title = "Fehlerhafte Reihe", kind = "Plenary", recurrenceRule = rule, firstDate = "2027-01-01", startTime = "18:00:00",
            durationMinutes = duration, timeZone = zone, place = "Lokschuppen", capacity,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await MeetingScenario.DbAsync(app, db => db.Series.CountAsync()));
    }

    [Fact]
    public async Task A_single_meeting_ending_before_it_starts_is_refused()
    {
        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        var before = await MeetingScenario.DbAsync(app, db => db.Meetings.CountAsync());
        var start = AllianceClock.Today.AddDays(20).AddHours(18);

        var response = await staff.PostAsJsonAsync("/api/meetings", new
        {
            title = "Workshop", kind = "LabWorkshop", startsAtLocal = start, endsAtLocal = start.AddHours(-1), place = "Rathaus", capacity = 10,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("endsAtLocal", out _));
        Assert.Equal(before, await MeetingScenario.DbAsync(app, db => db.Meetings.CountAsync()));
    }

    [Fact]
    public async Task Representatives_may_not_create_series()
    {
        using var representative = await app.SignedInAsync(DemoUsers.Representative);
        var response = await representative.PostAsJsonAsync("/api/meetings/series", new
        {
            title = "Eigene Reihe", kind = "Plenary", recurrenceRule = "FREQ=WEEKLY", firstDate = "2027-01-01", startTime = "18:00:00",
            durationMinutes = 60, place = "Laden", capacity = 10,
        });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Demo_has_the_plenary_series_with_seven_past_meetings_with_minutes_and_the_upcoming_eighth()
    {
        var meetings = await MeetingScenario.DbAsync(app, db => db.Meetings.AsNoTracking()
            .Where(m => db.Series.Any(s => s.Id == m.SeriesId && s.Title == "Allianztreffen")).OrderBy(m => m.Number).ToListAsync());
        Assert.Equal(7, meetings.Count(m => m.StartsAt < DateTimeOffset.UtcNow && m.MinutesStatus == MinutesStatus.Approved));
        var eighth = Assert.Single(meetings, m => m.Number == 8);
        Assert.True(eighth.StartsAt > DateTimeOffset.UtcNow);
        Assert.Equal(18, Recurrence.ToLocal(eighth.StartsAt, "Europe/Berlin").Hour);
        Assert.True(await MeetingScenario.DbAsync(app, db => db.Decisions.AnyAsync(d => d.Text == "Die Allianz wird als Verbund mit Geschäftsstelle fortgeführt")));
        Assert.True(await MeetingScenario.DbAsync(app, db => db.Registrations.CountAsync(r => r.MeetingId == eighth.Id && r.Status == RegistrationStatus.Registered)) > 0);
    }
}
