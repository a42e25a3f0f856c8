using System.Net;
using System.Net.Http.Json;
using Alliance.Meetings.Agenda;
using Alliance.Meetings.Domain;
using Alliance.Meetings.Meetings;
using Alliance.Meetings.Minutes;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Alliance.Meetings.Tests;

/// <summary>Agenda items can be changed (API and page) while the minutes are open; the erase preview leads staff to a presenter's item.</summary>
[Collection(SharedAlliance.Collection)]
public sealed class AgendaEditTests(AllianceApp app)
{
    [Fact]
    public async Task Staff_change_an_agenda_item_and_the_trimmed_values_are_stored()
    {
        var meetingId = await MeetingScenario.CreateMeetingAsync(app, capacity: 10);
        var itemId = await app.SendAsync(new AddAgendaItem(meetingId, "Begruessung", "Geschaeftsstelle", 10), await app.PrincipalAsync(DemoUsers.Staff));
        using var staff = await app.SignedInAsync(DemoUsers.Staff);

        var response = await staff.PutAsJsonAsync($"/api/meetings/agenda/{itemId}", new { title = "  Haushalt 2027  ", presenter = "  Kassenwart  ", plannedMinutes = 25 });

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var item = await MeetingScenario.DbAsync(app, db => db.AgendaItems.AsNoTracking().SingleAsync(a => a.Id == itemId));
        Assert.Equal("Haushalt 2027", item.Title);
        Assert.Equal("Kassenwart", item.Presenter);
        Assert.Equal(25, item.PlannedMinutes);

        // Emptying the presenter clears the name (no empty string left behind).
        Assert.Equal(HttpStatusCode.NoContent, (await staff.PutAsJsonAsync($"/api/meetings/agenda/{itemId}", new { title = "Haushalt 2027", presenter = "   ", plannedMinutes = 25 })).StatusCode);
        Assert.Null((await MeetingScenario.DbAsync(app, db => db.AgendaItems.AsNoTracking().SingleAsync(a => a.Id == itemId))).Presenter);
    }

    [Fact]
    public async Task Bad_input_unknown_items_representatives_stale_versions_and_approved_minutes_change_nothing()
    {
        var staffPrincipal = await app.PrincipalAsync(DemoUsers.Staff);
        var meetingId = await MeetingScenario.CreateMeetingAsync(app, capacity: 10);
        var itemId = await app.SendAsync(new AddAgendaItem(meetingId, "Begruessung", "Geschaeftsstelle", 10), staffPrincipal);
        var before = await MeetingScenario.DbAsync(app, db => db.AgendaItems.AsNoTracking().SingleAsync(a => a.Id == itemId));
        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        using var representative = await app.SignedInAsync(DemoUsers.Representative);

        var emptyTitle = await staff.PutAsJsonAsync($"/api/meetings/agenda/{itemId}", new { title = " ", presenter = "Neu", plannedMinutes = 20 });
        Assert.Equal(HttpStatusCode.BadRequest, emptyTitle.StatusCode);
        Assert.Contains("title", await emptyTitle.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        var longPresenter = await staff.PutAsJsonAsync($"/api/meetings/agenda/{itemId}",
            new { title = "Neu", presenter = new string('x', TextLimits.Presenter + 1), plannedMinutes = 20 });
        Assert.Equal(HttpStatusCode.BadRequest, longPresenter.StatusCode);
        Assert.Contains("presenter", await longPresenter.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.NotFound,
            (await staff.PutAsJsonAsync($"/api/meetings/agenda/{Guid.NewGuid()}", new { title = "Neu", presenter = "Neu", plannedMinutes = 20 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await representative.PutAsJsonAsync($"/api/meetings/agenda/{itemId}", new { title = "Neu", presenter = "Neu", plannedMinutes = 20 })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict,
            (await staff.PutAsJsonAsync($"/api/meetings/agenda/{itemId}", new { title = "Neu", presenter = "Neu", plannedMinutes = 20, version = before.Version + 1 })).StatusCode);

        await app.SendAsync(new ApproveMinutes(meetingId, (await app.SendAsync(new GetMeeting(meetingId), staffPrincipal)).Version), staffPrincipal);
        var locked = await staff.PutAsJsonAsync($"/api/meetings/agenda/{itemId}", new { title = "Neu", presenter = "Neu", plannedMinutes = 20 });
        Assert.Equal(HttpStatusCode.Conflict, locked.StatusCode);
        Assert.Contains("Protokoll ist freigegeben", await locked.Content.ReadAsStringAsync());

        var after = await MeetingScenario.DbAsync(app, db => db.AgendaItems.AsNoTracking().SingleAsync(a => a.Id == itemId));
        Assert.Equal(("Begruessung", "Geschaeftsstelle", 10, before.Version), (after.Title, after.Presenter, after.PlannedMinutes, after.Version));
    }

    [Fact]
    public async Task The_erase_preview_links_a_presenter_to_the_item_s_edit_page_which_shows_the_name()
    {
        var personId = (await MeetingScenario.AddPeopleAsync(app, 1))[0];
        var name = $"Agnes Vortrag{personId.ToString("N")[..8]}";
        await using (var connection = new NpgsqlConnection(app.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("UPDATE members.people SET \"FirstName\" = 'Agnes', \"LastName\" = @l WHERE \"Id\" = @p", connection);
            command.Parameters.AddWithValue("l", name["Agnes ".Length..]);
            command.Parameters.AddWithValue("p", personId);
            await command.ExecuteNonQueryAsync();
        }

        var meetingId = await MeetingScenario.CreateMeetingAsync(app, capacity: 10);
        var itemId = await app.SendAsync(new AddAgendaItem(meetingId, "Bericht aus dem Lab", name, 15), await app.PrincipalAsync(DemoUsers.Staff));
        using var staff = await app.SignedInAsync(DemoUsers.Staff);

        var editUrl = $"/meetings/{meetingId}/agenda/{itemId}/edit";
        var preview = await staff.GetStringAsync($"/people/{personId}/erase");
        Assert.Contains($"href=\"{editUrl}\"", preview);

        var page = await staff.GetAsync(editUrl);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains($"value=\"{name}\"", html);
        Assert.Contains("value=\"Bericht aus dem Lab\"", html);
        Assert.Contains(editUrl, await staff.GetStringAsync($"/meetings/{meetingId}"));

        using var representative = await app.SignedInAsync(DemoUsers.Representative);
        Assert.DoesNotContain(editUrl, await representative.GetStringAsync($"/meetings/{meetingId}"));
    }
}
