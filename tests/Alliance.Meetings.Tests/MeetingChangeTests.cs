using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Alliance.Meetings.Domain;
using Alliance.Meetings.Meetings;
using Alliance.Meetings.Registrations;
using Alliance.Meetings.Reminders;
using Alliance.Meetings.Series;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Alliance.Meetings.Tests;

/// <summary>Capacity changes and the waitlist, SEQUENCE/DTSTAMP and mails on changes, reminders per start.</summary>
// Own host: it runs the reminder job, which reminds every meeting of the database that is due, and counts what one run sent.
public sealed class MeetingChangeTests(AllianceApp app) : IClassFixture<AllianceApp>
{
    /// <summary>Extra people who agreed to mails, in the given language.</summary>
    private static async Task<List<Guid>> MailablePeopleAsync(AllianceApp app, int count, string language = "de")
    {
        var people = await MeetingScenario.AddPeopleAsync(app, count);
        foreach (var person in people)
        {
            await SetLanguageAsync(app, person, language);
        }

        return people;
    }

    private static async Task SetLanguageAsync(AllianceApp app, Guid personId, string language)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("UPDATE members.people SET \"PreferredLanguage\" = @l, \"ConsentContactByEmail\" = true WHERE \"Id\" = @p", connection);
        command.Parameters.AddWithValue("l", language);
        command.Parameters.AddWithValue("p", personId);
        await command.ExecuteNonQueryAsync();
    }

    private static Task<string> EmailOfAsync(AllianceApp app, Guid personId) =>
        MeetingScenario.DbAsync(app, db => db.Registrations.Where(r => r.PersonId == personId).Select(r => r.Email!).FirstAsync());

    [Fact]
    public async Task Raising_a_single_meetings_capacity_moves_the_waitlist_up_in_order_and_tells_them()
    {
        var staff = await app.PrincipalAsync(DemoUsers.Staff);
        var meetingId = await MeetingScenario.CreateMeetingAsync(app, capacity: 1, organizations: [Guid.NewGuid()]);
        var people = await MailablePeopleAsync(app, 5);
        await SetLanguageAsync(app, people[2], "en");
        foreach (var person in people)
        {
            await app.SendAsync(new Register(meetingId, person), staff);
        }

        var version = (await app.SendAsync(new GetMeeting(meetingId), staff)).Version;
        await app.SendAsync(new UpdateMeeting(meetingId, "Größerer Raum", 3, null, version), staff);

        var registrations = await MeetingScenario.RegistrationsAsync(app, meetingId);
        Assert.Equal([people[0], people[1], people[2]], registrations.Where(r => r.Status == RegistrationStatus.Registered).OrderBy(r => people.IndexOf(r.PersonId)).Select(r => r.PersonId).ToList());
        Assert.Equal([people[3], people[4]], registrations.Where(r => r.Status == RegistrationStatus.Waitlisted).OrderBy(r => r.WaitlistPosition).Select(r => r.PersonId).ToList());
        Assert.Contains("nachgerückt", (await app.WaitForMailAsync(await EmailOfAsync(app, people[1]), "Größerer Raum")).Subject);
        Assert.StartsWith("You have a seat now", (await app.WaitForMailAsync(await EmailOfAsync(app, people[2]), "Größerer Raum")).Subject);

        // The next registration queues behind the people already waiting.
        var late = (await MeetingScenario.AddPeopleAsync(app, 1))[0];
        var result = await app.SendAsync(new Register(meetingId, late), staff);
        Assert.Equal("Waitlisted", result.Status);
        Assert.Equal(3, result.WaitlistPlace);

        // The registration list (request and API) shows the places now — 1, 2, 3 — not the stored positions 4, 5, 6.
        var list = await app.SendAsync(new ListRegistrations(meetingId, Status: RegistrationStatus.Waitlisted), staff);
        Assert.Equal([(people[3], 1), (people[4], 2), (late, 3)], list.Items.Select(r => (r.PersonId, r.WaitlistPlace!.Value)).ToList());
        using var browser = await app.SignedInAsync(DemoUsers.Staff);
        var api = await browser.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/meetings/{meetingId}/registrations?status=Waitlisted");
        Assert.Equal([1, 2, 3], api.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("waitlistPlace").GetInt32()).ToList());
    }

    [Fact]
    public async Task Raising_a_series_capacity_promotes_and_lowering_below_the_confirmed_count_is_refused_with_a_message()
    {
        var staff = await app.PrincipalAsync(DemoUsers.Staff);
        var organization = Guid.NewGuid();
        var seriesId = await app.SendAsync(new CreateSeries("Kapazitätsreihe", MeetingKind.NetworkMeeting, "FREQ=WEEKLY;BYDAY=WE",
            DateOnly.FromDateTime(AllianceClock.Today.AddDays(1)), new TimeOnly(18, 0), 60, "Europe/Berlin", "Saal", null, 2,
            Audience: AudienceKind.ChosenOrganizations, OrganizationIds: [organization]), staff);
        await app.SendAsync(new MaterializeOccurrences(seriesId));
        var meetingId = await MeetingScenario.DbAsync(app, db => db.Meetings.Where(m => m.SeriesId == seriesId).OrderBy(m => m.StartsAt).Select(m => m.Id).FirstAsync());
        var people = await MeetingScenario.AddPeopleAsync(app, 4);
        foreach (var person in people)
        {
            await app.SendAsync(new Register(meetingId, person), staff);
        }

        using var client = await app.SignedInAsync(DemoUsers.Staff);
        var series = await app.SendAsync(new GetSeriesForEdit(seriesId), staff);
        var lower = await client.PutAsJsonAsync($"/api/meetings/series/{seriesId}", new
        {
            startTime = "18:00:00", durationMinutes = 60, place = "Saal", capacity = 1, reminderDaysBefore = new[] { 7, 1 }, version = series.Version,
        });
        Assert.Equal(HttpStatusCode.BadRequest, lower.StatusCode);
        var problem = await lower.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("2 bestätigte Anmeldungen", problem.GetProperty("errors").GetProperty("capacity")[0].GetString());
        Assert.Equal(2, await MeetingScenario.DbAsync(app, db => db.Meetings.Where(m => m.Id == meetingId).Select(m => m.Capacity).SingleAsync()));

        var raise = await client.PutAsJsonAsync($"/api/meetings/series/{seriesId}", new
        {
            startTime = "18:00:00", durationMinutes = 60, place = "Saal", capacity = 3, reminderDaysBefore = new[] { 7, 1 }, version = series.Version,
        });
        Assert.Equal(HttpStatusCode.OK, raise.StatusCode);
        var registrations = await MeetingScenario.RegistrationsAsync(app, meetingId);
        Assert.Equal([people[0], people[1], people[2]], registrations.Where(r => r.Status == RegistrationStatus.Registered).Select(r => r.PersonId).OrderBy(people.IndexOf).ToList());
        Assert.Equal(people[3], Assert.Single(registrations, r => r.Status == RegistrationStatus.Waitlisted).PersonId);
    }

    [Fact]
    public async Task Lowering_a_meetings_capacity_below_the_confirmed_count_is_refused_in_both_languages_and_registering_again_is_idempotent()
    {
        var meetingId = await MeetingScenario.CreateMeetingAsync(app, capacity: 2);
        var staff = await app.PrincipalAsync(DemoUsers.Staff);
        foreach (var other in await MeetingScenario.AddPeopleAsync(app, 2))
        {
            await app.SendAsync(new Register(meetingId, other), staff);
        }

        using var representative = await app.SignedInAsync(DemoUsers.Representative);
        var first = await (await representative.PostAsJsonAsync($"/api/meetings/{meetingId}/registrations", new { })).Content.ReadFromJsonAsync<JsonElement>();
        var again = await representative.PostAsJsonAsync($"/api/meetings/{meetingId}/registrations", new { });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var state = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Waitlisted", state.GetProperty("status").GetString());
        Assert.Equal(1, state.GetProperty("waitlistPlace").GetInt32());
        Assert.Equal(first.GetProperty("registrationId").GetGuid(), state.GetProperty("registrationId").GetGuid());

        using var client = await app.SignedInAsync(DemoUsers.Staff);
        var version = (await app.SendAsync(new GetMeeting(meetingId), staff)).Version;
        foreach (var (language, expected) in new[] { ("de", "bereits 2 bestätigte Anmeldungen") })
        {
            using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/meetings/{meetingId}/details") { Content = JsonContent.Create(new { title = "Treffen", capacity = 1, version }) };
            request.Headers.AcceptLanguage.ParseAdd(language);
            var zero = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.BadRequest, zero.StatusCode);
            var problem = await zero.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Contains(expected, problem.GetProperty("errors").GetProperty("capacity")[0].GetString());
        }

        Assert.Equal(2, await MeetingScenario.DbAsync(app, db => db.Meetings.Where(m => m.Id == meetingId).Select(m => m.Capacity).SingleAsync()));
    }

    [Fact]
    public async Task Changing_the_end_raises_sequence_and_dtstamp_and_mails_the_registrants_in_their_language()
    {
        var staff = await app.PrincipalAsync(DemoUsers.Staff);
        var start = AllianceClock.Today.AddDays(40).AddHours(18);
        var meetingId = await MeetingScenario.CreateMeetingAsync(app, capacity: 10, startLocal: start, organizations: [Guid.NewGuid()]);
        var people = await MailablePeopleAsync(app, 2);
        await SetLanguageAsync(app, people[1], "en");
        foreach (var person in people)
        {
            await app.SendAsync(new Register(meetingId, person), staff);
        }

        using var client = await app.SignedInAsync(DemoUsers.Staff);
        var before = Ical.Net.Calendar.Load(await client.GetStringAsync($"/api/meetings/{meetingId}/ics"))!.Events.Single();
        var version = (await app.SendAsync(new GetMeeting(meetingId), staff)).Version;
        // DTSTAMP is written in whole seconds: let a second pass so a later stamp can be told from the first.
        await Task.Delay(1100);

        // Only the end moves: 18:00-20:00 becomes 18:00-21:30.
        await app.SendAsync(new MoveMeeting(meetingId, start, start.AddHours(3.5), "Rathaus", null, version), staff);

        var after = Ical.Net.Calendar.Load(await client.GetStringAsync($"/api/meetings/{meetingId}/ics"))!.Events.Single();
        Assert.Equal(before.Sequence + 1, after.Sequence);
        Assert.True(after.DtStamp!.AsUtc > before.DtStamp!.AsUtc);
        Assert.Equal(21, after.DtEnd!.Value.Hour);
        Assert.Equal(30, after.DtEnd.Value.Minute);
        var german = await app.WaitForMailAsync(await EmailOfAsync(app, people[0]), "Geänderter Termin");
        Assert.Contains("18:00–21:30", german.TextBody);
        // The calendar link is her personal feed (opens without a sign-in), not the meeting's .ics behind the login.
        Assert.Matches(@"/calendar/[0-9a-f]{64}\.ics", german.TextBody);
        var english = await app.WaitForMailAsync(await EmailOfAsync(app, people[1]), "Rescheduled");
        Assert.Contains("18:00–21:30", english.TextBody);

        // The same change again is no change: no new SEQUENCE, no new mail.
        var unchanged = (await app.SendAsync(new GetMeeting(meetingId), staff)).Version;
        await app.SendAsync(new MoveMeeting(meetingId, start, start.AddHours(3.5), "Rathaus", null, unchanged), staff);
        Assert.Equal(after.Sequence, Ical.Net.Calendar.Load(await client.GetStringAsync($"/api/meetings/{meetingId}/ics"))!.Events.Single().Sequence);

        // Cancelling is a change too.
        await app.SendAsync(new CancelMeeting(meetingId), staff);
        var cancelled = Ical.Net.Calendar.Load(await client.GetStringAsync($"/api/meetings/{meetingId}/ics"))!.Events.Single();
        Assert.Equal(after.Sequence + 1, cancelled.Sequence);
        Assert.Equal("CANCELLED", cancelled.Status);
        Assert.True(cancelled.DtStamp!.AsUtc >= after.DtStamp.AsUtc);
    }

    [Fact]
    public async Task Changing_a_series_duration_raises_the_sequence_of_its_future_meetings_and_tells_the_registrants()
    {
        var staff = await app.PrincipalAsync(DemoUsers.Staff);
        var seriesId = await app.SendAsync(new CreateSeries("Dauerreihe", MeetingKind.NetworkMeeting, "FREQ=WEEKLY;BYDAY=MO;COUNT=3",
            DateOnly.FromDateTime(AllianceClock.Today.AddDays(1)), new TimeOnly(18, 0), 60, "Europe/Berlin", "Saal", null, 5,
            Audience: AudienceKind.ChosenOrganizations, OrganizationIds: [Guid.NewGuid()]), staff);
        await app.SendAsync(new MaterializeOccurrences(seriesId));
        var meetingId = await MeetingScenario.DbAsync(app, db => db.Meetings.Where(m => m.SeriesId == seriesId).OrderBy(m => m.StartsAt).Select(m => m.Id).FirstAsync());
        var person = (await MailablePeopleAsync(app, 1))[0];
        await app.SendAsync(new Register(meetingId, person), staff);
        var sequence = await MeetingScenario.DbAsync(app, db => db.Meetings.Where(m => m.Id == meetingId).Select(m => m.Sequence).SingleAsync());

        var series = await app.SendAsync(new GetSeriesForEdit(seriesId), staff);
        await app.SendAsync(new UpdateSeries(seriesId, new TimeOnly(18, 0), 90, "Saal", null, 5, null, [7, 1], series.Version), staff);

        var meeting = await MeetingScenario.DbAsync(app, db => db.Meetings.AsNoTracking().SingleAsync(m => m.Id == meetingId));
        Assert.Equal(sequence + 1, meeting.Sequence);
        Assert.Equal(TimeSpan.FromMinutes(90), meeting.EndsAt - meeting.StartsAt);
        Assert.Contains("19:30", (await app.WaitForMailAsync(await EmailOfAsync(app, person), "Geänderter Termin")).TextBody);
    }

    [Fact]
    public async Task A_moved_meeting_is_reminded_again_for_its_new_start_but_never_twice_for_one_start()
    {
        var staff = await app.PrincipalAsync(DemoUsers.Staff);
        var start = AllianceClock.Now.AddHours(20);
        var meetingId = await MeetingScenario.CreateMeetingAsync(app, capacity: 10, startLocal: start, organizations: [Guid.NewGuid()]);
        var person = (await MailablePeopleAsync(app, 1))[0];
        await app.SendAsync(new Register(meetingId, person), staff);
        var email = await EmailOfAsync(app, person);

        await app.SendAsync(new SendReminders());
        await app.WaitForMailAsync(email, "Erinnerung");

        var version = (await app.SendAsync(new GetMeeting(meetingId), staff)).Version;
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var moved = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow.AddHours(30), berlin).DateTime;
        moved = new DateTime(moved.Year, moved.Month, moved.Day, moved.Hour, 0, 0);
        await app.SendAsync(new MoveMeeting(meetingId, moved, moved.AddHours(2), "Rathaus", null, version), staff);

        Assert.Equal(1, await app.SendAsync(new SendReminders()));
        Assert.Equal(0, await app.SendAsync(new SendReminders()));
        var logs = await MeetingScenario.DbAsync(app, db => db.ReminderLogs.Where(l => l.MeetingId == meetingId).ToListAsync());
        Assert.Equal(2, logs.Select(l => l.StartsAt).Distinct().Count());
        var reminders = 0;
        for (var attempt = 0; attempt < 100 && reminders < 2; attempt++)
        {
            await Task.Delay(200);
            reminders = (await app.MailsToAsync(email)).Count(m => m.Subject.StartsWith("Erinnerung", StringComparison.Ordinal));
        }

        Assert.Equal(2, reminders);
    }

    [Theory]
    [InlineData("de", "Bitte ausfüllen.", "Bitte eine ganze Zahl eingeben.", "Bitte Datum und Uhrzeit eingeben.")]
    [InlineData("en", "Please fill in this field.", "Please enter a whole number.", "Please enter a date and a time.")]
    public async Task The_meeting_form_answers_empty_and_mistyped_numbers_and_dates_in_the_language_with_every_field_at_once(
        string language, string missing, string notANumber, string notADateTime)
    {
        using var client = await app.SignedInAsync(DemoUsers.Staff);
        await client.GetAsync($"/culture/{language}?returnUrl=/");
        var form = await client.GetStringAsync("/meetings/new");
        string Hidden(string name) => System.Text.RegularExpressions.Regex.Match(form, $"name=\"{name}\" value=\"([^\"]+)\"").Groups[1].Value;
        var meetingsBefore = await MeetingScenario.DbAsync(app, db => db.Meetings.CountAsync());

        var posted = await client.PostAsync("/meetings/new", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = Hidden("_handler"),
            ["__RequestVerificationToken"] = Hidden("__RequestVerificationToken"),
            ["Input.Title"] = "",
            ["Input.Kind"] = "NetworkMeeting",
            ["Input.StartsAtLocal"] = "morgen abend",
            ["Input.EndsAtLocal"] = $"{AllianceClock.Today.Year + 1}-05-06T20:00",
            ["Input.TimeZone"] = "Europe/Berlin",
            ["Input.Capacity"] = "",
            ["Input.DelegateLimit"] = "zwei",
            ["Input.Reminders"] = "7",
            ["Input.Audience"] = "AllMembers",
        }));

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var page = System.Net.WebUtility.HtmlDecode(await posted.Content.ReadAsStringAsync());
        string ErrorOf(string id) => System.Text.RegularExpressions.Regex.Match(page, $"id=\"{id}-error\"><div class=\"validation-message\">([^<]+)<").Groups[1].Value;
        Assert.Equal(missing, ErrorOf("capacity"));
        Assert.Equal(notANumber, ErrorOf("delegates"));
        Assert.Equal(notADateTime, ErrorOf("starts"));
        // The validator's own message for the empty title shows at the same time (in the same language).
        Assert.NotEqual("", ErrorOf("title"));
        Assert.DoesNotContain("is not valid for", page, StringComparison.Ordinal);
        Assert.Equal(meetingsBefore, await MeetingScenario.DbAsync(app, db => db.Meetings.CountAsync()));
    }
}
