using System.Net.Http.Json;
using System.Text.Json;
using Alliance.Labs.Domain;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Labs.Tests;

/// <summary>
/// Journey 4's hand-over between modules, with both modules in the host: a decision with an action item in a
/// meeting's minutes reaches the lab's and the owner's task lists (through the Meetings outbox), and the lab page
/// shows the lab's upcoming meetings (asked from Meetings through its Contracts).
/// </summary>
[Collection(SharedAlliance.Collection)]
public sealed class MeetingDecisionsReachLabsTests(AllianceApp app)
{
    [Fact]
    public async Task A_decision_recorded_in_the_minutes_becomes_an_action_item_of_the_lab_and_its_owner()
    {
        var labId = await app.RetailLabAsync();
        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        var owners = await staff.GetFromJsonAsync<JsonElement>("/api/members/organizations?search=Modehaus%20Brandt");
        var ownerId = owners.GetProperty("items")[0].GetProperty("id").GetGuid();

        var start = AllianceClock.Today.AddDays(14).AddHours(18);
        var meetingId = await (await staff.PostAsJsonAsync("/api/meetings", new
        {
            title = "Werkstatt Handel der Zukunft", kind = "LabWorkshop", startsAtLocal = start, endsAtLocal = start.AddHours(2),
            timeZone = "Europe/Berlin", place = "Lokschuppen", capacity = 20, audience = "Lab", labId,
        })).CreatedIdAsync();
        var agendaItemId = await (await staff.PostAsJsonAsync($"/api/meetings/{meetingId}/agenda", new
        {
            title = "Lastenrad-Pilot: nächste Schritte", presenter = "Thomas Brandt", plannedMinutes = 30, labId,
        })).CreatedIdAsync();
        var decisionId = await (await staff.PostAsJsonAsync($"/api/meetings/agenda/{agendaItemId}/decisions", new
        {
            text = "Der Pilot wird um drei Monate verlängert.",
            actionItems = new[] { new { title = "Auswertung des Lastenrad-Pilots vorlegen", ownerOrganizationId = ownerId, dueDate = "2027-03-31" } },
        })).CreatedIdAsync();

        // The event travels through the Meetings outbox and the dispatcher: wait for it, never sleep.
        var item = await Eventually.Until(
            () => app.LabsDbAsync(db => db.ActionItems.AsNoTracking().FirstOrDefaultAsync(a => a.DecisionId == decisionId)),
            found => found is not null, what: "the action item from the meeting decision in Labs");

        Assert.Equal(labId, item!.LabId);
        Assert.Equal(ActionItemSource.MeetingDecision, item.Source);
        Assert.Equal(meetingId, item.MeetingId);
        Assert.Equal(ownerId, item.OwnerOrganizationId);
        Assert.Equal(new DateOnly(2027, 3, 31), item.DueDate);
        Assert.Equal("Auswertung des Lastenrad-Pilots vorlegen", item.Title);

        // The owner organisation's representative finds it in "my action items".
        using var representative = await app.SignedInAsync(DemoUsers.Representative);
        var mine = await representative.GetFromJsonAsync<JsonElement>("/api/labs/action-items/mine");
        Assert.Contains(mine.GetProperty("items").EnumerateArray(), a => a.GetProperty("title").GetString() == item.Title);

        // The lab page lists the lab's upcoming meeting.
        var labPage = await staff.GetStringAsync($"/labs/{labId}");
        Assert.Contains("Werkstatt Handel der Zukunft", labPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_decision_with_three_action_items_gives_three_tasks()
    {
        var labId = await app.RetailLabAsync();
        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        var owners = await staff.GetFromJsonAsync<JsonElement>("/api/members/organizations?search=Modehaus%20Brandt");
        var ownerId = owners.GetProperty("items")[0].GetProperty("id").GetGuid();

        var start = AllianceClock.Today.AddDays(21).AddHours(18);
        var meetingId = await (await staff.PostAsJsonAsync("/api/meetings", new
        {
            title = "Werkstatt drei Aufgaben", kind = "LabWorkshop", startsAtLocal = start, endsAtLocal = start.AddHours(2),
            timeZone = "Europe/Berlin", place = "Lokschuppen", capacity = 20, audience = "Lab", labId,
        })).CreatedIdAsync();
        var agendaItemId = await (await staff.PostAsJsonAsync($"/api/meetings/{meetingId}/agenda", new
        {
            title = "Nächste Schritte", presenter = "Thomas Brandt", plannedMinutes = 30, labId,
        })).CreatedIdAsync();
        var due = DateOnly.FromDateTime(AllianceClock.Today).AddMonths(3).ToString("yyyy-MM-dd");
        var titles = new[] { "Lieferzonen kartieren", "Händler befragen", "Förderantrag skizzieren" };
        var decisionId = await (await staff.PostAsJsonAsync($"/api/meetings/agenda/{agendaItemId}/decisions", new
        {
            text = "Drei Arbeitspakete werden vergeben.",
            actionItems = titles.Select(t => new { title = t, ownerOrganizationId = ownerId, dueDate = due }).ToArray(),
        })).CreatedIdAsync();

        var items = await Eventually.Until(
            () => app.LabsDbAsync(db => db.ActionItems.AsNoTracking().Where(a => a.DecisionId == decisionId).ToListAsync()),
            found => found.Count >= 3, what: "three tasks from the decision's three action items");
        Assert.Equal(titles.Order(StringComparer.Ordinal), items.Select(a => a.Title).Order(StringComparer.Ordinal));
        Assert.All(items, a => Assert.Equal(labId, a.LabId));

        // The lab page lists all three as open action items.
        var page = await staff.GetFromJsonAsync<JsonElement>($"/api/labs/{labId}");
        var open = page.GetProperty("openActionItems").EnumerateArray().Select(a => a.GetProperty("title").GetString()).ToList();
        Assert.All(titles, t => Assert.Contains(t, open));
    }

    [Fact]
    public async Task The_demo_plenary_decision_reached_the_owners_task_list()
    {
        // The seeder records journey 4's decision in the 7th plenary meeting; Labs takes its action item in.
        var item = await Eventually.Until(
            () => app.LabsDbAsync(db => db.ActionItems.AsNoTracking()
                .FirstOrDefaultAsync(a => a.Source == ActionItemSource.MeetingDecision && a.Title.StartsWith("Konzept für die weitere Zusammenarbeit"))),
            found => found is not null, what: "the demo decision's action item in Labs");

        Assert.NotNull(item!.MeetingId);
        Assert.NotNull(item.DueDate);
        Assert.False(string.IsNullOrEmpty(item.SourceLink));
    }
}
