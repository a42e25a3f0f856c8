using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Alliance.Meetings.Agenda;
using Alliance.Meetings.Contracts;
using Alliance.Meetings.Domain;
using Alliance.Meetings.Meetings;
using Alliance.Meetings.Minutes;
using Alliance.Meetings.Polls;
using Alliance.Meetings.Registrations;
using Alliance.Meetings.Series;
using Alliance.Shared.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Meetings.Tests;

[Collection(SharedAlliance.Collection)]
public sealed class MinutesAndCalendarTests(AllianceApp app)
{
    [Fact]
    public async Task One_vote_per_present_organisation_for_its_own_organisation_only()
    {
        var staff = await app.PrincipalAsync(DemoUsers.Staff);
        var representative = await app.PrincipalAsync(DemoUsers.Representative);
        var meetingId = await MeetingScenario.CreateMeetingAsync(app, capacity: 20);
        var representativeId = await MeetingScenario.PersonIdAsync(app, DemoUsers.Representative);
        var ownOrganization = await MeetingScenario.OrganizationOfAsync(app, representativeId);
        await app.SendAsync(new CheckIn(meetingId, representativeId), staff);
        var pollId = await app.SendAsync(new OpenPoll(meetingId, null, "Welches Modell?", ["Stammtisch", "Verbund mit Geschäftsstelle", "Verein", "GmbH"]), staff);
        using var client = await app.SignedInAsync(DemoUsers.Representative);

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync($"/api/meetings/polls/{pollId}/votes", new { optionIndexes = new[] { 1 } })).StatusCode);
        var twice = await client.PostAsJsonAsync($"/api/meetings/polls/{pollId}/votes", new { optionIndexes = new[] { 2 } });
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        var forOther = await client.PostAsJsonAsync($"/api/meetings/polls/{pollId}/votes", new { optionIndexes = new[] { 2 }, organizationId = Guid.NewGuid() });
        Assert.Equal(HttpStatusCode.Forbidden, forOther.StatusCode);
        var changed = await client.PostAsJsonAsync($"/api/meetings/polls/{pollId}/votes", new { optionIndexes = new[] { 3 }, change = true });
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);

        var results = await app.SendAsync(new ClosePoll(pollId), staff);
        Assert.Equal(1, results.Sum(r => r.Votes));
        Assert.Equal(1, results.Single(r => r.Option == "GmbH").Votes);
        var votes = await MeetingScenario.DbAsync(app, db => db.PollVotes.Where(v => v.PollId == pollId).ToListAsync());
        Assert.Equal(ownOrganization, Assert.Single(votes).OrganizationId);
        var afterClose = await client.PostAsJsonAsync($"/api/meetings/polls/{pollId}/votes", new { optionIndexes = new[] { 1 }, change = true });
        Assert.Equal(HttpStatusCode.Conflict, afterClose.StatusCode);
    }

    [Fact]
    public async Task Minutes_list_the_attending_organisations_in_German_order()
    {
        // The demo's past plenaries had both at the table; the copied names carry the database's default (C) collation,
        // which puts "Bäckerei" after "Buchhandlung" (and after every Z).
        var meetingId = await MeetingScenario.DbAsync(app, db => db.Registrations
            .Where(r => r.CheckedInAt != null && r.OrganizationName == "Bäckerei Krause"
                && db.Registrations.Any(o => o.MeetingId == r.MeetingId && o.CheckedInAt != null && o.OrganizationName == "Buchhandlung Seitenweise"))
            .Select(r => r.MeetingId).FirstAsync());
        using var client = await app.SignedInAsync(DemoUsers.Staff);

        var details = await client.GetFromJsonAsync<JsonElement>($"/api/meetings/{meetingId}");
        var attending = details.GetProperty("attendingOrganizations").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.True(attending.IndexOf("Bäckerei Krause") < attending.IndexOf("Buchhandlung Seitenweise"), string.Join(", ", attending));
        Assert.Equal(attending.Order(Alliance.Shared.Localization.GermanSort.Comparer), attending);

        var markdown = await client.GetStringAsync($"/api/meetings/{meetingId}/minutes.md");
        Assert.True(markdown.IndexOf("Bäckerei Krause", StringComparison.Ordinal) < markdown.IndexOf("Buchhandlung Seitenweise", StringComparison.Ordinal), markdown);
    }

    [Fact]
    public async Task A_decision_with_an_action_item_puts_both_events_in_the_outbox_and_approved_minutes_are_locked()
    {
        var staff = await app.PrincipalAsync(DemoUsers.Staff);
        var meetingId = await MeetingScenario.CreateMeetingAsync(app, capacity: 20);
        var itemId = await app.SendAsync(new AddAgendaItem(meetingId, "Modelle der Zusammenarbeit", "Geschäftsstelle", 40), staff);
        var office = await MeetingScenario.OrganizationOfAsync(app, await MeetingScenario.PersonIdAsync(app, DemoUsers.Staff));

        var decisionId = (await app.SendAsync(new RecordDecision(itemId, "Die Allianz wird als Verbund mit Geschäftsstelle fortgeführt",
            [new ActionItemInput("Konzept für die weitere Zusammenarbeit vorlegen", null, office, new DateOnly(2027, 9, 30))]), staff)).Id;

        var outbox = await MeetingScenario.DbAsync(app, db => db.Set<OutboxMessage>().AsNoTracking().ToListAsync());
        var actionEvent = Assert.Single(outbox, m => m.Type == EventNames.Of(typeof(ActionItemDecided)) && m.Payload.Contains(decisionId.ToString(), StringComparison.Ordinal));
        var payload = JsonDocument.Parse(actionEvent.Payload).RootElement;
        Assert.Equal("Konzept für die weitere Zusammenarbeit vorlegen", payload.GetProperty("title").GetString());
        Assert.Equal(office, payload.GetProperty("ownerOrganizationId").GetGuid());
        Assert.Equal("2027-09-30", payload.GetProperty("dueDate").GetString());

        var version = (await app.SendAsync(new GetMeeting(meetingId), staff)).Version;
        await app.SendAsync(new ApproveMinutes(meetingId, version), staff);
        using var client = await app.SignedInAsync(DemoUsers.Staff);
        var notesVersion = (await app.SendAsync(new GetMeeting(meetingId), staff)).Agenda[0].Version;
        var edit = await client.PutAsJsonAsync($"/api/meetings/agenda/{itemId}/notes", new { notes = "nachträglich geändert", version = notesVersion });
        Assert.Equal(HttpStatusCode.Conflict, edit.StatusCode);
        var decisionAfter = await client.PostAsJsonAsync($"/api/meetings/agenda/{itemId}/decisions", new { text = "Noch ein Beschluss" });
        Assert.Equal(HttpStatusCode.Conflict, decisionAfter.StatusCode);
        Assert.Equal(1, await MeetingScenario.DbAsync(app, db => db.Decisions.CountAsync(d => d.MeetingId == meetingId)));
        Assert.Null((await app.SendAsync(new GetMeeting(meetingId), staff)).Agenda[0].Notes);

        var markdown = await client.GetStringAsync($"/api/meetings/{meetingId}/minutes.md");
        Assert.Contains("Die Allianz wird als Verbund mit Geschäftsstelle fortgeführt", markdown);
        Assert.Contains("Konzept für die weitere Zusammenarbeit vorlegen", markdown);
        Assert.Contains("Amt für Wirtschaftsförderung", markdown);

        // The DOCX is a real Word document: read back with the OpenXml SDK.
        var docx = await client.GetAsync($"/api/meetings/{meetingId}/minutes.docx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.Content.Headers.ContentType?.MediaType);
        using (var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false))
        {
            var paragraphs = word.MainDocumentPart!.Document!.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText).ToList();
            Assert.Contains(paragraphs, p => p.Contains("Die Allianz wird als Verbund mit Geschäftsstelle fortgeführt", StringComparison.Ordinal));
            Assert.Contains(paragraphs, p => p.Contains("Konzept für die weitere Zusammenarbeit vorlegen", StringComparison.Ordinal)
                && p.Contains("Amt für Wirtschaftsförderung", StringComparison.Ordinal) && p.Contains("2027", StringComparison.Ordinal));
        }

        using var outsider = await app.SignedInAsync(DemoUsers.Representative);
        Assert.Equal((await outsider.GetAsync($"/api/meetings/{meetingId}/minutes.md")).StatusCode, (await outsider.GetAsync($"/api/meetings/{meetingId}/minutes.docx")).StatusCode);
    }

    [Fact]
    public async Task The_ics_carries_the_time_zone_and_local_time_and_feeds_need_their_token()
    {
        var start = new DateTime(AllianceClock.Today.Year + 1, 7, 15, 18, 0, 0);
        var meetingId = await MeetingScenario.CreateMeetingAsync(app, capacity: 20, startLocal: start);
        using var representative = await app.SignedInAsync(DemoUsers.Representative);

        var ics = await representative.GetStringAsync($"/api/meetings/{meetingId}/ics");
        Assert.Contains("BEGIN:VTIMEZONE", ics);
        var calendar = Ical.Net.Calendar.Load(ics)!;
        var calendarEvent = Assert.Single(calendar.Events);
        Assert.Equal("Europe/Berlin", calendarEvent.DtStart!.TzId);
        Assert.Equal(18, calendarEvent.DtStart.Value.Hour);
        Assert.Equal(new DateTime(start.Year, 7, 15, 16, 0, 0, DateTimeKind.Utc), calendarEvent.DtStart.AsUtc); // CEST = UTC+2
        Assert.Equal(20, calendarEvent.DtEnd!.Value.Hour);

        Assert.Equal(HttpStatusCode.OK, (await representative.PostAsJsonAsync($"/api/meetings/{meetingId}/registrations", new { })).StatusCode);
        var feed = await representative.GetFromJsonAsync<JsonElement>("/api/meetings/calendar/token");
        using var anonymous = app.Anonymous();
        var feedPath = new Uri(feed.GetProperty("url").GetString()!).PathAndQuery;
        using var first = await anonymous.GetAsync(feedPath);
        Assert.Contains(Ical.Net.Calendar.Load(await first.Content.ReadAsStringAsync())!.Events, e => e.Uid == $"{meetingId}@alliance");
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.Equal(HttpStatusCode.NotModified, (await FeedAsync(anonymous, feedPath, etag)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/calendar/" + new string('a', 64) + ".ics")).StatusCode);

        // An edit changes the feed's version: the old tag gets the new feed (not a stale copy from the cache), with a new tag.
        await app.SendAsync(new CancelMeeting(meetingId), await app.PrincipalAsync(DemoUsers.Staff));
        using var changed = await FeedAsync(anonymous, feedPath, etag);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag);
        var cancelled = Ical.Net.Calendar.Load(await changed.Content.ReadAsStringAsync())!;
        Assert.Equal("CANCELLED", cancelled.Events.Single(e => e.Uid == $"{meetingId}@alliance").Status);
        Assert.Equal(HttpStatusCode.NotModified, (await FeedAsync(anonymous, feedPath, changed.Headers.ETag!)).StatusCode);

        var renewed = await (await representative.PostAsync("/api/meetings/calendar/token", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri(feed.GetProperty("url").GetString()!).PathAndQuery)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(new Uri(renewed.GetProperty("url").GetString()!).PathAndQuery)).StatusCode);
    }

    [Fact]
    public async Task A_first_feed_asked_for_at_once_is_one_feed_and_it_lists_only_meetings_with_a_seat()
    {
        var representative = await app.PrincipalAsync(DemoUsers.Representative);
        var representativeId = await MeetingScenario.PersonIdAsync(app, DemoUsers.Representative);
        await MeetingScenario.DbAsync(app, db => db.CalendarFeeds.Where(f => f.PersonId == representativeId).ExecuteDeleteAsync());

        // Several requests make her first feed at the same moment (the meeting list, a registration's mail …): one token, no error.
        var tokens = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => app.SendAsync(new Calendar.GetMyFeedToken(), representative)));
        Assert.Single(tokens.Distinct());
        Assert.Equal(1, await MeetingScenario.DbAsync(app, db => db.CalendarFeeds.CountAsync(f => f.PersonId == representativeId)));

        // A meeting she only waits for is not in her calendar (it would show as booked); one with her seat is.
        var staff = await app.PrincipalAsync(DemoUsers.Staff);
        var full = await MeetingScenario.CreateMeetingAsync(app, capacity: 1);
        await app.SendAsync(new Register(full, (await MeetingScenario.AddPeopleAsync(app, 1))[0]), staff);
        Assert.Equal("Waitlisted", (await app.SendAsync(new Register(full, representativeId), staff)).Status);
        var seated = await MeetingScenario.CreateMeetingAsync(app, capacity: 5);
        Assert.Equal("Registered", (await app.SendAsync(new Register(seated, representativeId), staff)).Status);
        using var anonymous = app.Anonymous();
        var uids = Ical.Net.Calendar.Load(await anonymous.GetStringAsync($"/calendar/{tokens[0]}.ics"))!.Events.Select(e => e.Uid).ToList();
        Assert.Contains($"{seated}@alliance", uids);
        Assert.DoesNotContain($"{full}@alliance", uids);
    }

    [Fact]
    public async Task A_series_feed_lists_every_occurrence_answers_304_until_an_edit_and_its_link_is_on_the_series_page()
    {
        var staff = await app.PrincipalAsync(DemoUsers.Staff);
        var seriesId = await app.SendAsync(new CreateSeries("Feedreihe", MeetingKind.NetworkMeeting, "FREQ=WEEKLY;BYDAY=TU;COUNT=3",
            DateOnly.FromDateTime(AllianceClock.Today.AddDays(1)), new TimeOnly(9, 0), 60, "Europe/Berlin", "Saal", null, 10,
            Audience: AudienceKind.ChosenOrganizations, OrganizationIds: [Guid.NewGuid()]), staff);
        await app.SendAsync(new MaterializeOccurrences(seriesId));
        var occurrences = await MeetingScenario.DbAsync(app, db => db.Meetings.Where(m => m.SeriesId == seriesId).Select(m => m.Id).ToListAsync());
        Assert.Equal(3, occurrences.Count);

        // The series page shows its managers the feed's address; the address alone opens the feed (calendar apps send no cookie).
        using var office = await app.SignedInAsync(DemoUsers.Staff);
        var html = await office.GetStringAsync($"/meetings/series/{seriesId}");
        var url = System.Text.RegularExpressions.Regex.Match(html, "value=\"(?<url>[^\"]+/calendar/series/[0-9a-f]{64}\\.ics)\"").Groups["url"].Value;
        Assert.NotEmpty(url);
        using var anonymous = app.Anonymous();
        var path = new Uri(url).PathAndQuery;
        using var first = await anonymous.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var calendar = Ical.Net.Calendar.Load(await first.Content.ReadAsStringAsync())!;
        Assert.Equal(occurrences.Select(id => $"{id}@alliance").Order(), calendar.Events.Select(e => e.Uid).Order());
        Assert.Equal(HttpStatusCode.NotModified, (await FeedAsync(anonymous, path, first.Headers.ETag!)).StatusCode);

        // Cancelling one occurrence changes the version: the old tag gets the new feed, which shows the cancellation.
        await app.SendAsync(new CancelMeeting(occurrences[0]), staff);
        using var changed = await FeedAsync(anonymous, path, first.Headers.ETag!);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(first.Headers.ETag, changed.Headers.ETag);
        Assert.Equal("CANCELLED", Ical.Net.Calendar.Load(await changed.Content.ReadAsStringAsync())!.Events.Single(e => e.Uid == $"{occurrences[0]}@alliance").Status);

        // A wrong or malformed token reveals nothing.
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/calendar/series/" + new string('b', 64) + ".ics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/calendar/series/kurz.ics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/calendar/kurz.ics")).StatusCode);
    }

    [Theory]
    [InlineData("de", "Die Reihe hat eine neue Kalender-Adresse.")]
    [InlineData("en", "The series has a new calendar address.")]
    public async Task A_series_feed_gets_a_new_address_on_its_page_and_the_old_one_stops_working(string language, string renewed)
    {
        var staff = await app.PrincipalAsync(DemoUsers.Staff);
        var seriesId = await app.SendAsync(new CreateSeries("Erneuerte Reihe " + language, MeetingKind.NetworkMeeting, "FREQ=WEEKLY;BYDAY=WE;COUNT=2",
            DateOnly.FromDateTime(AllianceClock.Today.AddDays(1)), new TimeOnly(9, 0), 60, "Europe/Berlin", "Saal", null, 10,
            Audience: AudienceKind.ChosenOrganizations, OrganizationIds: [Guid.NewGuid()]), staff);
        var oldPath = await SeriesFeedPathAsync(seriesId);

        // Calendar apps keep the feed and revalidate it with its tag (no-store would forbid keeping it), and may ask with HEAD.
        using var anonymous = app.Anonymous();
        using (var feed = await anonymous.GetAsync(oldPath))
        {
            Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
            Assert.True(feed.Headers.CacheControl is { Private: true, NoCache: true, NoStore: false }, feed.Headers.CacheControl?.ToString());
            Assert.NotNull(feed.Headers.ETag);
        }

        using (var head = await anonymous.SendAsync(new HttpRequestMessage(HttpMethod.Head, oldPath)))
        {
            Assert.Equal(HttpStatusCode.OK, head.StatusCode);
            Assert.Equal("text/calendar", head.Content.Headers.ContentType?.MediaType);
            Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        }

        // The manager renews the address on the series page (a confirmed form), in her language.
        using var office = await app.SignedInWithLanguageAsync(DemoUsers.Staff, language);
        using var answer = await office.SubmitFormAsync($"/meetings/series/{seriesId}", "renew-series-feed", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.Contains(renewed, System.Net.WebUtility.HtmlDecode(await office.GetStringAsync(answer.Headers.Location!.OriginalString)), StringComparison.Ordinal);
        var newPath = await SeriesFeedPathAsync(seriesId);
        Assert.NotEqual(oldPath, newPath);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(oldPath)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.SendAsync(new HttpRequestMessage(HttpMethod.Head, oldPath))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(newPath)).StatusCode);

        // Through the API: the new address comes back; whoever may not manage the series gets 404, as on its page.
        using var api = await app.SignedInAsync(DemoUsers.Staff);
        using var renewal = await api.PostAsync($"/api/meetings/series/{seriesId}/feed-token", null);
        Assert.Equal(HttpStatusCode.OK, renewal.StatusCode);
        var links = await renewal.Content.ReadFromJsonAsync<JsonElement>();
        Assert.EndsWith($"/calendar/series/{links.GetProperty("token").GetString()}.ics", links.GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(newPath)).StatusCode);
        using var representative = await app.SignedInAsync(DemoUsers.Representative);
        Assert.Equal(HttpStatusCode.NotFound, (await representative.PostAsync($"/api/meetings/series/{seriesId}/feed-token", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsync($"/api/meetings/series/{Guid.NewGuid()}/feed-token", null)).StatusCode);
    }

    private Task<string> SeriesFeedPathAsync(Guid seriesId) =>
        MeetingScenario.DbAsync(app, db => db.Series.Where(s => s.Id == seriesId).Select(s => "/calendar/series/" + s.FeedToken + ".ics").SingleAsync());

    private static async Task<HttpResponseMessage> FeedAsync(HttpClient client, string path, System.Net.Http.Headers.EntityTagHeaderValue etag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.IfNoneMatch.Add(etag);
        return await client.SendAsync(request);
    }
}
