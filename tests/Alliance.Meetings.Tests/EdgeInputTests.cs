using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Alliance.Meetings.Agenda;
using Alliance.Meetings.Domain;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Meetings.Tests;

/// <summary>Issue 9, "numbers and dates at the edges" and "unbounded collections" for Meetings: 400 with field errors, nothing stored.</summary>
[Collection(SharedAlliance.Collection)]
public sealed partial class EdgeInputTests(AllianceApp app)
{
    private static readonly DateTime Start = AllianceClock.Today.AddDays(40).AddHours(18);

    [Fact]
    public async Task An_empty_meeting_and_dates_at_the_edges_are_field_errors_and_store_nothing()
    {
        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        var before = await MeetingScenario.DbAsync(app, db => db.Meetings.CountAsync());

        await AssertFieldErrorAsync(await staff.PostAsJsonAsync("/api/meetings", new { }), "startsAtLocal");
        await AssertFieldErrorAsync(await staff.PostAsJsonAsync("/api/meetings", Meeting("0001-01-01T00:00:00", "0001-01-01T02:00:00")), "startsAtLocal");
        await AssertFieldErrorAsync(await staff.PostAsJsonAsync("/api/meetings", Meeting("9999-12-31T22:00:00", "9999-12-31T23:00:00")), "startsAtLocal");
        await AssertFieldErrorAsync(await staff.PostAsJsonAsync("/api/meetings", Meeting(Iso(Start), Iso(Start.AddHours(2)), "1900-01-01T00:00:00")), "topicDeadlineLocal");
        await AssertFieldErrorAsync(await staff.PostAsJsonAsync("/api/meetings", Meeting(Iso(Start), Iso(Start.AddHours(2)), "0001-01-01T00:00:00")), "topicDeadlineLocal");
        await AssertFieldErrorAsync(await staff.PostAsJsonAsync("/api/meetings",
            Meeting(Iso(Start), Iso(Start.AddHours(2)), organizationIds: Enumerable.Range(0, RequestCaps.OrganizationsPerMeeting + 1).Select(_ => Guid.NewGuid()).ToArray())),
            "organizationIds");

        Assert.Equal(before, await MeetingScenario.DbAsync(app, db => db.Meetings.CountAsync()));
        var allowed = await staff.PostAsJsonAsync("/api/meetings", Meeting(Iso(Start), Iso(Start.AddHours(2)), Iso(Start.AddDays(-3)),
            Enumerable.Range(0, RequestCaps.OrganizationsPerMeeting).Select(_ => Guid.NewGuid()).ToArray()));
        Assert.Equal(HttpStatusCode.Created, allowed.StatusCode);
    }

    [Fact]
    public async Task A_meeting_is_not_moved_to_year_one_or_into_the_past()
    {
        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        var meetingId = await MeetingScenario.CreateMeetingAsync(app, capacity: 10);
        var meeting = await MeetingScenario.DbAsync(app, db => db.Meetings.AsNoTracking().SingleAsync(m => m.Id == meetingId));

        await AssertFieldErrorAsync(await staff.PutAsJsonAsync($"/api/meetings/{meetingId}/schedule",
            new { startsAtLocal = "0001-01-01T00:00:00", endsAtLocal = "0001-01-01T02:00:00", place = "Rathaus", version = meeting.Version }), "startsAtLocal");
        var yesterday = AllianceClock.Today.AddDays(-2).AddHours(18);
        await AssertFieldErrorAsync(await staff.PutAsJsonAsync($"/api/meetings/{meetingId}/schedule",
            new { startsAtLocal = Iso(yesterday), endsAtLocal = Iso(yesterday.AddHours(2)), place = "Rathaus", version = meeting.Version }), "startsAtLocal");

        var halfAnHourAgo = Scheduling.Recurrence.ToLocal(DateTimeOffset.UtcNow.AddMinutes(-30), "Europe/Berlin");
        await AssertFieldErrorAsync(await staff.PutAsJsonAsync($"/api/meetings/{meetingId}/schedule",
            new { startsAtLocal = Iso(halfAnHourAgo), endsAtLocal = Iso(halfAnHourAgo.AddHours(2)), place = "Rathaus", version = meeting.Version }), "startsAtLocal");

        var after = await MeetingScenario.DbAsync(app, db => db.Meetings.AsNoTracking().SingleAsync(m => m.Id == meetingId));
        Assert.Equal(meeting.StartsAt, after.StartsAt);
    }

    [Fact]
    public async Task A_recurrence_rule_over_the_column_length_is_a_field_error()
    {
        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        var before = await MeetingScenario.DbAsync(app, db => db.Series.CountAsync());
        var rule = "FREQ=WEEKLY;BYDAY=" + string.Join(",", Enumerable.Repeat("MO", 200));
        Assert.True(rule.Length > TextLimits.RecurrenceRule);

        await AssertFieldErrorAsync(await staff.PostAsJsonAsync("/api/meetings/series", new
        {
            title = "Zu lange Regel", kind = "Plenary", recurrenceRule = rule, firstDate = Iso(AllianceClock.Today)[..10], startTime = "18:00:00",
            durationMinutes = 60, place = "Lokschuppen", capacity = 10,
        }), "recurrenceRule");
        await AssertFieldErrorAsync(await staff.PostAsJsonAsync("/api/meetings/series", new
        {
            title = "Jahr eins", kind = "Plenary", recurrenceRule = "FREQ=WEEKLY", firstDate = "0001-01-01", startTime = "18:00:00",
            durationMinutes = 60, place = "Lokschuppen", capacity = 10,
        }), "firstDate");

        Assert.Equal(before, await MeetingScenario.DbAsync(app, db => db.Series.CountAsync()));
    }

    [Fact]
    public async Task Decisions_refuse_null_action_items_and_more_than_the_cap()
    {
        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        var meetingId = await MeetingScenario.CreateMeetingAsync(app, capacity: 10);
        var itemId = await app.SendAsync(new AddAgendaItem(meetingId, "Beschlüsse", null, 10), await app.PrincipalAsync(DemoUsers.Staff));
        var owner = await MeetingScenario.PersonIdAsync(app, DemoUsers.Representative);

        await AssertFieldErrorAsync(await staff.PostAsJsonAsync($"/api/meetings/agenda/{itemId}/decisions",
            JsonDocument.Parse("""{"text":"x","actionItems":[null]}""").RootElement), "actionItems"); // the kernel's JSON rule names the list
        var tooMany = Enumerable.Range(0, RequestCaps.ActionItemsPerDecision + 1).Select(i => new { title = $"Aufgabe {i}", ownerPersonId = owner }).ToArray();
        await AssertFieldErrorAsync(await staff.PostAsJsonAsync($"/api/meetings/agenda/{itemId}/decisions", new { text = "Viele Aufgaben", actionItems = tooMany }), "actionItems");
        Assert.Equal(0, await MeetingScenario.DbAsync(app, db => db.Decisions.CountAsync(d => d.MeetingId == meetingId)));

        var atCap = tooMany.Take(RequestCaps.ActionItemsPerDecision).ToArray();
        var recorded = await staff.PostAsJsonAsync($"/api/meetings/agenda/{itemId}/decisions", new { text = "Genau genug", actionItems = atCap });
        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        // A decision is part of its meeting's minutes: the Location is the meeting, which lists it under its item.
        Assert.Equal($"/api/meetings/{meetingId}", recorded.Headers.Location!.OriginalString);
        var meeting = await staff.GetFromJsonAsync<JsonElement>(recorded.Headers.Location!.OriginalString);
        var decisionId = (await recorded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Contains(meeting.GetProperty("agenda").EnumerateArray().SelectMany(a => a.GetProperty("decisions").EnumerateArray()),
            d => d.GetProperty("id").GetGuid() == decisionId);
        Assert.Equal(RequestCaps.ActionItemsPerDecision, await MeetingScenario.DbAsync(app, db => db.ActionItems.CountAsync(a => a.MeetingId == meetingId)));
    }

    [Fact]
    public async Task A_poll_on_another_meetings_agenda_item_is_refused()
    {
        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        var staffPrincipal = await app.PrincipalAsync(DemoUsers.Staff);
        var meetingId = await MeetingScenario.CreateMeetingAsync(app, capacity: 10);
        var otherMeetingId = await MeetingScenario.CreateMeetingAsync(app, capacity: 10);
        var otherItem = await app.SendAsync(new AddAgendaItem(otherMeetingId, "Fremder Punkt", null, 10), staffPrincipal);
        var ownItem = await app.SendAsync(new AddAgendaItem(meetingId, "Eigener Punkt", null, 10), staffPrincipal);

        await AssertFieldErrorAsync(await staff.PostAsJsonAsync($"/api/meetings/{meetingId}/polls",
            new { agendaItemId = otherItem, question = "Wohin?", options = new[] { "A", "B" }, multipleChoice = false }), "agendaItemId");
        Assert.Equal(0, await MeetingScenario.DbAsync(app, db => db.Polls.CountAsync(p => p.MeetingId == meetingId)));
        Assert.Equal(HttpStatusCode.Created, (await staff.PostAsJsonAsync($"/api/meetings/{meetingId}/polls",
            new { agendaItemId = ownItem, question = "Wohin?", options = new[] { "A", "B" }, multipleChoice = false })).StatusCode);
    }

    private static object Meeting(string start, string end, string? topicDeadline = null, Guid[]? organizationIds = null) => new
    {
        title = "Randwerte", kind = "NetworkMeeting", startsAtLocal = start, endsAtLocal = end, place = "Rathaus", capacity = 10,
        topicDeadlineLocal = topicDeadline,
        audience = organizationIds is null ? "AllMembers" : "ChosenOrganizations",
        organizationIds,
    };

    private static string Iso(DateTime local) => local.ToString("yyyy-MM-ddTHH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task AssertFieldErrorAsync(HttpResponseMessage response, string field)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {body}");
        var errors = JsonDocument.Parse(body).RootElement.GetProperty("errors");
        Assert.True(errors.EnumerateObject().Any(e => string.Equals(e.Name, field, StringComparison.OrdinalIgnoreCase)), $"no error for {field}: {body}");
    }
}
