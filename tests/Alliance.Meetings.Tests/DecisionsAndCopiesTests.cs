using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Alliance.Meetings.Agenda;
using Alliance.Meetings.Integration;
using Alliance.Meetings.Minutes;
using Alliance.Meetings.Persistence;
using Alliance.Members.Contracts;
using Alliance.Shared.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Alliance.Meetings.Tests;

/// <summary>Issue 7 for Meetings: one event per action item, fresh person copies, localized refusals, a series written in one request.</summary>
// Own host: it creates weekly series for every organisation: each writes 90 days of occurrences and about 1,700 invitation events and mails, whose delivery would hold up the mail the next classes wait for.
public sealed class DecisionsAndCopiesTests(AllianceApp app) : IClassFixture<AllianceApp>
{
    [Fact]
    public async Task A_decision_with_three_action_items_publishes_three_ActionItemDecided_events_each_with_its_own_id()
    {
        var staff = await app.PrincipalAsync(DemoUsers.Staff);
        var meetingId = await MeetingScenario.CreateMeetingAsync(app, capacity: 10);
        var itemId = await app.SendAsync(new AddAgendaItem(meetingId, "Aufgaben", null, 10), staff);
        var owner = await MeetingScenario.PersonIdAsync(app, DemoUsers.Representative);

        var decisionId = (await app.SendAsync(new RecordDecision(itemId, "Drei Aufgaben",
            [new ActionItemInput("Eins", owner, null, null), new ActionItemInput("Zwei", owner, null, null), new ActionItemInput("Drei", owner, null, null)]), staff)).Id;

        var actionItemIds = await MeetingScenario.DbAsync(app, db => db.ActionItems.Where(a => a.DecisionId == decisionId).Select(a => a.Id).ToListAsync());
        Assert.Equal(3, actionItemIds.Count);
        var payloads = (await MeetingScenario.DbAsync(app, db => db.Set<OutboxMessage>().AsNoTracking().ToListAsync()))
            .Select(m => JsonDocument.Parse(m.Payload).RootElement)
            .Where(p => Property(p, "decisionId") == decisionId.ToString() && Property(p, "actionItemId") is not null)
            .ToList();
        Assert.Equal(3, payloads.Count);
        Assert.Equal(actionItemIds.Order(), payloads.Select(p => Guid.Parse(Property(p, "actionItemId")!)).Order());
    }

    [Fact]
    public async Task PersonChanged_updates_the_copies_and_an_older_snapshot_delivered_later_changes_nothing()
    {
        var person = (await MeetingScenario.AddPeopleAsync(app, 1))[0];
        var organization = await MeetingScenario.OrganizationOfAsync(app, person);
        var meetingId = await MeetingScenario.CreateMeetingAsync(app, capacity: 10, organizations: [organization]);
        Assert.Single(await MeetingScenario.RegistrationsAsync(app, meetingId), r => r.PersonId == person);

        await ApplyAsync(new PersonChanged(new PersonSummary(person, "Neue Name", "neu@example.org", "en", organization, true, true, false, false)) { SourceVersion = 5 });
        await ApplyAsync(new PersonChanged(new PersonSummary(person, "Alter Name", "alt@example.org", "de", organization, true, false, false, false)) { SourceVersion = 3 });

        var copy = Assert.Single(await MeetingScenario.RegistrationsAsync(app, meetingId), r => r.PersonId == person);
        Assert.Equal("Neue Name", copy.PersonName);
        Assert.Equal("neu@example.org", copy.Email);
        Assert.Equal("en", copy.Language);
        Assert.True(copy.NameVisibleToMembers);
        Assert.Equal(5, copy.PersonVersion);

        await ApplyAsync(new PersonChanged(new PersonSummary(person, "Neue Name", "neu@example.org", "en", organization, false, true, false, false)) { SourceVersion = 6 });
        Assert.Null(Assert.Single(await MeetingScenario.RegistrationsAsync(app, meetingId), r => r.PersonId == person).Email);
    }

    [Theory]
    [InlineData("de", "Die Anmeldung ist bereits storniert.")]
    [InlineData("en", "Already cancelled.")]
    public async Task Refusals_are_in_the_callers_language(string culture, string message)
    {
        var meetingId = await MeetingScenario.CreateMeetingAsync(app, capacity: 10);
        using var representative = await app.SignedInAsync(DemoUsers.Representative);
        Assert.Equal(HttpStatusCode.OK, (await representative.PostAsJsonAsync($"/api/meetings/{meetingId}/registrations", new { })).StatusCode);
        var person = await MeetingScenario.PersonIdAsync(app, DemoUsers.Representative);
        Assert.Equal(HttpStatusCode.NoContent, (await representative.DeleteAsync($"/api/meetings/{meetingId}/registrations/{person}")).StatusCode);

        var again = await representative.DeleteAsync($"/api/meetings/{meetingId}/registrations/{person}?culture={culture}");

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(message, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Creating_a_series_writes_its_first_occurrences_in_the_same_request()
    {
        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        var response = await staff.PostAsJsonAsync("/api/meetings/series", new
        {
            title = "Sofort da", kind = "Plenary", recurrenceRule = "FREQ=WEEKLY;BYDAY=TU", firstDate = AllianceClock.Today.AddDays(1).ToString("yyyy-MM-dd"),
            startTime = "18:00:00", durationMinutes = 90, place = "Lokschuppen", capacity = 20,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var seriesId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var meetings = await MeetingScenario.DbAsync(app, db => db.Meetings.Where(m => m.SeriesId == seriesId).ToListAsync());
        Assert.InRange(meetings.Count, 12, 14);
        Assert.True(await MeetingScenario.DbAsync(app, db => db.Registrations.AnyAsync(r => r.MeetingId == meetings[0].Id)));
    }

    private Task ApplyAsync(PersonChanged change) => app.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<MeetingsDbContext>();
        await new PersonChangedHandler(db).Handle(change, CancellationToken.None);
        await db.SaveChangesAsync();
        return 0;
    });

    private static string? Property(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value.ToString();
            }
        }

        return null;
    }
}
