using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Alliance.Meetings.Agenda;
using Alliance.Meetings.Meetings;
using Alliance.Meetings.Minutes;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Meetings.Tests;

/// <summary>Minutes notes are edited with their version (409 with the other version), decisions: person owners, a lab, one due-date rule.</summary>
[Collection(SharedAlliance.Collection)]
public sealed class MinutesFormsRulesTests(AllianceApp app)
{
    [Fact]
    public async Task A_concurrent_notes_edit_answers_409_with_the_other_version_in_both_languages_and_stores_nothing()
    {
        var staff = await app.PrincipalAsync(DemoUsers.Staff);
        var meetingId = await MeetingScenario.CreateMeetingAsync(app, capacity: 5);
        var itemId = await app.SendAsync(new AddAgendaItem(meetingId, "Haushalt", null, 20), staff);
        var read = (await app.SendAsync(new GetMeeting(meetingId), staff)).Agenda.Single(a => a.Id == itemId);
        await app.SendAsync(new SaveItemNotes(itemId, "Fassung von Anna", read.Version), staff);

        using var client = await app.SignedInAsync(DemoUsers.Staff);
        foreach (var (language, expected) in new[] { ("de", "Die andere Fassung lautet:\nFassung von Anna"), ("en", "The other version reads:\nFassung von Anna") })
        {
            using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/meetings/agenda/{itemId}/notes?culture={language}&ui-culture={language}")
            {
                Content = JsonContent.Create(new { notes = "Fassung von Ben", version = read.Version }),
            };
            request.Headers.AcceptLanguage.ParseAdd(language);
            var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            Assert.Contains(expected, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        var now = (await app.SendAsync(new GetMeeting(meetingId), staff)).Agenda.Single(a => a.Id == itemId);
        Assert.Equal("Fassung von Anna", now.Notes);
        // Based on the current version, the edit goes through.
        await app.SendAsync(new SaveItemNotes(itemId, "Fassung von Anna, ergänzt von Ben", now.Version), staff);
        Assert.Equal("Fassung von Anna, ergänzt von Ben", (await app.SendAsync(new GetMeeting(meetingId), staff)).Agenda.Single(a => a.Id == itemId).Notes);

        // The page's box starts with the current text; the decision form offers person, organisation and lab.
        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/meetings/{meetingId}/minutes?item={itemId}"));
        Assert.Contains("Fassung von Anna, ergänzt von Ben</textarea>", page, StringComparison.Ordinal);
        Assert.Contains("id=\"action-owner-person\"", page, StringComparison.Ordinal);
        Assert.Contains("id=\"decision-lab\"", page, StringComparison.Ordinal);
        Assert.Contains("id=\"agenda-lab\"", await client.GetStringAsync($"/meetings/{meetingId}"), StringComparison.Ordinal);

        // Approved minutes offer the addendum form.
        await app.SendAsync(new ApproveMinutes(meetingId, (await app.SendAsync(new GetMeeting(meetingId), staff)).Version), staff);
        Assert.Contains("id=\"addendum-text\"", await client.GetStringAsync($"/meetings/{meetingId}/minutes"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_decision_takes_a_person_owner_and_a_lab_and_refuses_a_past_due_date_with_the_lab_task_forms_message()
    {
        var staff = await app.PrincipalAsync(DemoUsers.Staff);
        var meetingId = await MeetingScenario.CreateMeetingAsync(app, capacity: 5);
        var itemId = await app.SendAsync(new AddAgendaItem(meetingId, "Beschlüsse", null, 20), staff);
        var lab = (await app.SendAsync(new Alliance.Labs.Contracts.GetLabs())).First(l => l.Status != Alliance.Labs.Contracts.LabStatus.Concluded);
        var person = await MeetingScenario.PersonIdAsync(app, DemoUsers.Representative);

        using var client = await app.SignedInAsync(DemoUsers.Staff);
        foreach (var (language, expected) in new[] { ("de", "Das Fälligkeitsdatum darf nicht in der Vergangenheit liegen."), ("en", "The due date may not be in the past.") })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/meetings/agenda/{itemId}/decisions?culture={language}&ui-culture={language}")
            {
                Content = JsonContent.Create(new { text = "Beschluss", actionItems = new[] { new { title = "Aufgabe", ownerPersonId = person, dueDate = "2001-05-01" } } }),
            };
            request.Headers.AcceptLanguage.ParseAdd(language);
            var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
            Assert.Equal(expected, errors.EnumerateObject().Single(e => e.Name.EndsWith("dueDate", StringComparison.OrdinalIgnoreCase)).Value[0].GetString());

            // The lab task form answers with the very same message.
            using var labRequest = new HttpRequestMessage(HttpMethod.Post, $"/api/labs/{lab.Id}/action-items?culture={language}&ui-culture={language}")
            {
                Content = JsonContent.Create(new { title = "Aufgabe", ownerPersonId = person, dueDate = "2001-05-01" }),
            };
            labRequest.Headers.AcceptLanguage.ParseAdd(language);
            var labResponse = await client.SendAsync(labRequest);
            Assert.Equal(HttpStatusCode.BadRequest, labResponse.StatusCode);
            Assert.Contains(expected, await labResponse.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(0, await MeetingScenario.DbAsync(app, db => db.Decisions.CountAsync(d => d.AgendaItemId == itemId)));

        var due = DateOnly.FromDateTime(AllianceClock.Today.AddDays(14));
        var decisionId = (await app.SendAsync(new RecordDecision(itemId, "Beschluss", [new ActionItemInput("Aufgabe", person, null, due)], lab.Id), staff)).Id;
        var decision = await MeetingScenario.DbAsync(app, db => db.Decisions.Include(d => d.ActionItems).SingleAsync(d => d.Id == decisionId));
        Assert.Equal(lab.Id, decision.LabId);
        Assert.Equal(person, Assert.Single(decision.ActionItems).OwnerPersonId);
    }
}
