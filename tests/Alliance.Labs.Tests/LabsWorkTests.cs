using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Alliance.Labs.ActionItems;
using Alliance.Labs.Demo;
using Alliance.Labs.Programmes;
using Alliance.Members.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Alliance.Labs.Tests;

/// <summary>Proposals, outcomes, action items with the overdue job, needs ↔ offers, programme follow-up.</summary>
[Collection(SharedAlliance.Collection)]
public sealed class LabsWorkTests(AllianceApp app)
{
    private const string Kaiser = "kaiser@elektro-kaiser.example";

    private async Task<HttpClient> KaiserAsync()
    {
        try
        {
            return await app.SignedInAsync(Kaiser);
        }
        catch (InvalidOperationException)
        {
            await app.CreateRepresentativeAsync("Elektro Kaiser GmbH", "Petra", "Kaiser", Kaiser);
            return await app.SignedInAsync(Kaiser);
        }
    }

    [Fact]
    public async Task Proposals_are_supported_once_per_organisation_never_by_the_proposer_and_withdrawable()
    {
        using var kaiser = await KaiserAsync();
        using var brandt = await app.SignedInAsync(DemoUsers.Representative);

        var huge = await kaiser.PostAsJsonAsync("/api/labs/proposals", new { title = "Zu lang", description = new string('x', 100 * 1024) });
        Assert.Equal(HttpStatusCode.BadRequest, huge.StatusCode);
        Assert.True((await huge.ProblemAsync()).GetProperty("errors").TryGetProperty("description", out _));
        Assert.False(await app.LabsDbAsync(db => db.Proposals.AnyAsync(p => p.Title == "Zu lang")));

        var id = await (await kaiser.PostAsJsonAsync("/api/labs/proposals", new
        {
            title = "Lastenrad-Lieferung für den Einzelhandel", description = "Läden beliefern Kundschaft per **Lastenrad**. <script>alert(1)</script>",
        })).CreatedIdAsync();

        Assert.Equal(HttpStatusCode.Conflict, (await kaiser.PostAsync($"/api/labs/proposals/{id}/supports", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await brandt.PostAsync($"/api/labs/proposals/{id}/supports", null)).StatusCode);
        var twice = await brandt.PostAsync($"/api/labs/proposals/{id}/supports", null);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal(1, await app.LabsDbAsync(db => db.Supports.CountAsync(s => s.ProposalId == id)));

        Assert.Equal(HttpStatusCode.NoContent, (await brandt.DeleteAsync($"/api/labs/proposals/{id}/supports")).StatusCode);
        Assert.Equal(0, await app.LabsDbAsync(db => db.Supports.CountAsync(s => s.ProposalId == id)));
        Assert.Equal(HttpStatusCode.NoContent, (await brandt.PostAsync($"/api/labs/proposals/{id}/supports", null)).StatusCode);

        var view = await brandt.GetFromJsonAsync<JsonElement>($"/api/labs/proposals/{id}");
        Assert.True(view.GetProperty("supportedByMe").GetBoolean());
        Assert.False(view.GetProperty("canSupport").GetBoolean());
        Assert.Equal(["Modehaus Brandt"], view.GetProperty("supporters").EnumerateArray().Select(s => s.GetString()!).ToArray());
    }

    [Fact]
    public async Task Proposals_sort_by_supports_and_age_and_staff_answers_are_visible_to_the_proposer()
    {
        using var kaiser = await KaiserAsync();
        using var staff = await app.SignedInAsync(DemoUsers.Staff);

        var bySupports = await staff.GetFromJsonAsync<JsonElement>("/api/labs/proposals?sort=Supports");
        var supports = bySupports.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("supports").GetInt32()).ToList();
        Assert.Equal(supports.OrderByDescending(s => s), supports);
        var newest = await staff.GetFromJsonAsync<JsonElement>("/api/labs/proposals?sort=Newest");
        var created = newest.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("createdAt").GetDateTimeOffset()).ToList();
        Assert.Equal(created.OrderByDescending(c => c), created);

        var declined = await (await kaiser.PostAsJsonAsync("/api/labs/proposals", new { title = "Parkplätze vor jedem Laden", description = "Mehr Parkplätze." })).CreatedIdAsync();
        var version = (await staff.GetFromJsonAsync<JsonElement>($"/api/labs/proposals/{declined}")).GetProperty("version").GetUInt32();
        using (var brandt = await app.SignedInAsync(DemoUsers.Representative))
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await brandt.PostAsJsonAsync($"/api/labs/proposals/{declined}/answer", new { version, answer = "Decline", reason = "x" })).StatusCode);
        }

        Assert.Equal(HttpStatusCode.BadRequest, (await staff.PostAsJsonAsync($"/api/labs/proposals/{declined}/answer", new { version, answer = "Decline" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsJsonAsync($"/api/labs/proposals/{declined}/answer", new { version, answer = "Decline", reason = "Passt nicht zur Verkehrswende." })).StatusCode);
        var seen = await kaiser.GetFromJsonAsync<JsonElement>($"/api/labs/proposals/{declined}");
        Assert.Equal("Declined", seen.GetProperty("status").GetString());
        Assert.Equal("Passt nicht zur Verkehrswende.", seen.GetProperty("answerReason").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await kaiser.PostAsync($"/api/labs/proposals/{declined}/supports", null)).StatusCode);

        var taken = await (await kaiser.PostAsJsonAsync("/api/labs/proposals", new { title = "Reparieren statt wegwerfen", description = "Repair-Café für Elektrogeräte." })).CreatedIdAsync();
        var field = (await staff.GetFromJsonAsync<JsonElement>("/api/labs/action-fields"))[0].GetProperty("id").GetGuid();
        var answer = await staff.PostAsJsonAsync($"/api/labs/proposals/{taken}/answer", new
        {
            version = (await staff.GetFromJsonAsync<JsonElement>($"/api/labs/proposals/{taken}")).GetProperty("version").GetUInt32(),
            answer = "TakeIntoNewLab", newLabTitle = "Reparaturkultur", newLabActionFieldId = field,
        });
        var labId = (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("labId").GetGuid();
        var lab = await staff.GetFromJsonAsync<JsonElement>($"/api/labs/{labId}");
        Assert.Equal("Reparaturkultur", lab.GetProperty("title").GetString());
        Assert.Contains(lab.GetProperty("proposals").EnumerateArray(), p => p.GetProperty("id").GetGuid() == taken);

        var merged = await (await kaiser.PostAsJsonAsync("/api/labs/proposals", new { title = "Repair-Café", description = "Dasselbe." })).CreatedIdAsync();
        var mergeVersion = (await staff.GetFromJsonAsync<JsonElement>($"/api/labs/proposals/{merged}")).GetProperty("version").GetUInt32();
        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsJsonAsync($"/api/labs/proposals/{merged}/answer", new { version = mergeVersion, answer = "Merge", mergeIntoProposalId = taken })).StatusCode);
        Assert.Equal(taken, (await kaiser.GetFromJsonAsync<JsonElement>($"/api/labs/proposals/{merged}")).GetProperty("mergedIntoId").GetGuid());
    }

    [Fact]
    public async Task Outcomes_track_status_percent_partners_and_a_dated_timeline()
    {
        using var brandt = await app.SignedInAsync(DemoUsers.Representative);
        var lab = await app.RetailLabAsync();
        var bad = await brandt.PostAsJsonAsync($"/api/labs/{lab}/outcomes", new { title = "", kind = "PilotProject", status = "Planned", percent = 130 });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);

        var partner = (await brandt.GetFromJsonAsync<JsonElement>($"/api/labs/{lab}")).GetProperty("members")[0].GetProperty("organizationId").GetGuid();
        var id = await (await brandt.PostAsJsonAsync($"/api/labs/{lab}/outcomes", new
        {
            title = "Lieferzonen-Pilot", kind = "PilotProject", status = "Planned", percent = 10, partnerOrganizationIds = new[] { partner },
        })).CreatedIdAsync();
        var version = (await brandt.GetFromJsonAsync<JsonElement>($"/api/labs/outcomes/{id}")).GetProperty("version").GetUInt32();
        var today = LabsTestData.AllianceToday().ToString("yyyy-MM-dd");
        Assert.Equal(HttpStatusCode.NoContent, (await brandt.PostAsJsonAsync($"/api/labs/outcomes/{id}/progress", new { version, status = "Running", percent = 40, noteDate = today, note = "Start mit drei Läden." })).StatusCode);
        // The same (now stale) version again: 409.
        Assert.Equal(HttpStatusCode.Conflict, (await brandt.PostAsJsonAsync($"/api/labs/outcomes/{id}/progress", new { version, status = "Stopped", percent = 40 })).StatusCode);

        var outcome = await brandt.GetFromJsonAsync<JsonElement>($"/api/labs/outcomes/{id}");
        Assert.Equal("Running", outcome.GetProperty("status").GetString());
        Assert.Equal(40, outcome.GetProperty("percent").GetInt32());
        Assert.Single(outcome.GetProperty("partners").EnumerateArray());
        Assert.Equal("Start mit drei Läden.", outcome.GetProperty("notes")[0].GetProperty("text").GetString());

        using var kaiser = await KaiserAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await kaiser.PostAsJsonAsync($"/api/labs/outcomes/{id}/progress", new { version, status = "Stopped", percent = 0 })).StatusCode);
    }

    [Fact]
    public async Task Action_items_refuse_past_due_dates_and_the_overdue_job_run_twice_sends_one_mail()
    {
        using var brandt = await app.SignedInAsync(DemoUsers.Representative);
        var lab = await app.RetailLabAsync();
        var brandtId = (await brandt.GetFromJsonAsync<JsonElement>($"/api/labs/{lab}")).GetProperty("coordinators")[0].GetProperty("id").GetGuid();
        var yesterday = LabsTestData.AllianceToday().AddDays(-1);

        var past = await brandt.PostAsJsonAsync($"/api/labs/{lab}/action-items", new { title = "Zu spät", ownerPersonId = brandtId, dueDate = yesterday.ToString("yyyy-MM-dd") });
        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        Assert.True((await past.ProblemAsync()).GetProperty("errors").TryGetProperty("dueDate", out _));
        Assert.Equal(HttpStatusCode.BadRequest, (await brandt.PostAsJsonAsync($"/api/labs/{lab}/action-items", new { title = "Ohne Owner" })).StatusCode);
        Assert.False(await app.LabsDbAsync(db => db.ActionItems.AnyAsync(a => a.Title == "Zu spät" || a.Title == "Ohne Owner")));

        var id = await (await brandt.PostAsJsonAsync($"/api/labs/{lab}/action-items", new
        {
            title = "Lieferdaten sammeln", ownerPersonId = brandtId, dueDate = LabsTestData.AllianceToday().ToString("yyyy-MM-dd"),
        })).CreatedIdAsync();
        var mine = await brandt.GetFromJsonAsync<JsonElement>("/api/labs/action-items/mine");
        Assert.Contains(mine.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetGuid() == id);

        // Time passes: the item is now overdue.
        await app.LabsDbAsync(async db =>
        {
            var item = await db.ActionItems.SingleAsync(a => a.Id == id);
            item.DueDate = yesterday;
            return await db.SaveChangesAsync();
        });

        await app.SendAsync(new SendOverdueReminders());
        await app.SendAsync(new SendOverdueReminders());
        // Notifications mails the reminder (and, earlier, "Neue Aufgabe" when the item was given to him).
        await app.WaitForMailAsync(DemoUsers.Representative, "Überfällige Aufgabe: Lieferdaten sammeln");
        await app.WithScopeAsync(sp => sp.GetRequiredService<Alliance.Shared.Messaging.OutboxDispatcher>().DispatchAsync("labs"));
        await app.WithScopeAsync(sp => sp.GetRequiredService<Alliance.Shared.Messaging.OutboxDispatcher>().DispatchAsync("notifications"));
        var mails = (await app.MailsToAsync(DemoUsers.Representative)).Where(m => m.Subject.Contains("Lieferdaten sammeln", StringComparison.Ordinal)).ToList();
        Assert.Single(mails, m => m.Subject.StartsWith("Überfällige Aufgabe", StringComparison.Ordinal));
        Assert.Equal(1, await app.LabsDbAsync(db => db.ActionItemReminders.CountAsync(r => r.ActionItemId == id)));

        Assert.Equal(HttpStatusCode.NoContent, (await brandt.PutAsJsonAsync($"/api/labs/action-items/{id}/status", new { status = "Done" })).StatusCode);
        using var kaiser = await KaiserAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await kaiser.PutAsJsonAsync($"/api/labs/action-items/{id}/status", new { status = "Open" })).StatusCode);
    }

    [Fact]
    public async Task A_school_need_is_matched_with_offers_of_other_organisations_and_both_sides_are_mailed()
    {
        await app.CreateRepresentativeAsync("Oberschule am Park", "Sandra", "Lehmann", "lehmann@oberschule.example", PartnerGroup.School, "en");
        using var teacher = await app.SignedInAsync("lehmann@oberschule.example");
        using var brandt = await app.SignedInAsync(DemoUsers.Representative);
        using var staff = await app.SignedInAsync(DemoUsers.Staff);

        Assert.Equal(HttpStatusCode.BadRequest, (await teacher.PostAsJsonAsync("/api/labs/needs", new { title = "", quantity = 0, until = "2000-01-01" })).StatusCode);
        var need = await (await teacher.PostAsJsonAsync("/api/labs/needs", new { title = "Praktika Klasse 9b", forWhom = "Klasse 9b", quantity = 6 })).CreatedIdAsync();
        var ownOffer = await (await teacher.PostAsJsonAsync("/api/labs/offers", new { title = "Schulaula für Veranstaltungen" })).CreatedIdAsync();
        var offer = await (await brandt.PostAsJsonAsync("/api/labs/offers", new { title = "Praktikum im Modehaus", quantity = 2 })).CreatedIdAsync();

        var same = await staff.PostAsJsonAsync($"/api/labs/needs/{need}/matches", new { offerIds = new[] { offer, ownOffer } });
        Assert.Equal(HttpStatusCode.BadRequest, same.StatusCode);
        Assert.True((await same.ProblemAsync()).GetProperty("errors").TryGetProperty("offerIds", out _));
        Assert.False(await app.LabsDbAsync(db => db.Matches.AnyAsync(m => m.NeedId == need)));

        Assert.Equal(HttpStatusCode.Forbidden, (await brandt.PostAsJsonAsync($"/api/labs/needs/{need}/matches", new { offerIds = new[] { offer } })).StatusCode);
        var matched = await staff.PostAsJsonAsync($"/api/labs/needs/{need}/matches", new { offerIds = new[] { offer } });
        Assert.Equal(HttpStatusCode.OK, matched.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await staff.PostAsJsonAsync($"/api/labs/needs/{need}/matches", new { offerIds = new[] { offer } })).StatusCode);

        // Each side in their own language: the teacher reads English, Mr Brandt German.
        var toTeacher = await app.WaitForMailAsync("lehmann@oberschule.example", "An offer for your need");
        Assert.Contains("Praktikum im Modehaus", toTeacher.TextBody, StringComparison.Ordinal);
        var toBrandt = await app.WaitForMailAsync(DemoUsers.Representative, "Ihr Angebot wird gebraucht");
        Assert.Contains("Oberschule am Park", toBrandt.TextBody, StringComparison.Ordinal);

        var matchId = (await matched.Content.ReadFromJsonAsync<Guid[]>())![0];
        Assert.Equal(HttpStatusCode.NoContent, (await staff.PutAsJsonAsync($"/api/labs/matches/{matchId}/outcome", new { outcome = "Done", note = "Zwei Plätze im März" })).StatusCode);
        var view = await teacher.GetFromJsonAsync<JsonElement>($"/api/labs/needs/{need}");
        Assert.Equal("Done", view.GetProperty("matches")[0].GetProperty("outcome").GetString());
        Assert.False(view.GetProperty("canMatch").GetBoolean());
    }

    [Fact]
    public async Task Programme_participants_have_a_status_history_and_the_follow_up_job_reminds_once()
    {
        var programme = await app.LabIdAsync(LabsDemoSeeder.Programme);
        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        var id = await (await staff.PostAsJsonAsync($"/api/labs/{programme}/participants", new { name = "Nora Neu – Café", status = "Interested" })).CreatedIdAsync();
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.PostAsJsonAsync($"/api/labs/{programme}/participants", new { name = "", email = "kein-mail" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await staff.PostAsJsonAsync($"/api/labs/{await app.RetailLabAsync()}/participants", new { name = "Falsch", status = "Interested" })).StatusCode);

        var before = await staff.GetFromJsonAsync<JsonElement>($"/api/labs/{programme}/programme?pageSize=100");
        var participant = before.GetProperty("participants").GetProperty("items").EnumerateArray().Single(p => p.GetProperty("id").GetGuid() == id);
        var today = LabsTestData.AllianceToday();
        Assert.Equal(HttpStatusCode.NoContent, (await staff.PostAsJsonAsync($"/api/labs/participants/{id}/contacts", new
        {
            version = participant.GetProperty("version").GetUInt32(), status = "InProgramme", on = today.ToString("yyyy-MM-dd"), followUpOn = today.AddDays(30).ToString("yyyy-MM-dd"), note = "Mentorin gefunden",
        })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.PostAsJsonAsync($"/api/labs/participants/{id}/contacts", new
        {
            version = 0, status = "InProgramme", on = today.AddDays(2).ToString("yyyy-MM-dd"),
        })).StatusCode);

        var after = await staff.GetFromJsonAsync<JsonElement>($"/api/labs/{programme}/programme?pageSize=100");
        Assert.Equal(18, after.GetProperty("total").GetInt32());
        Assert.Equal(before.GetProperty("funnel").GetProperty("InProgramme").GetInt32() + 1, after.GetProperty("funnel").GetProperty("InProgramme").GetInt32());
        var history = after.GetProperty("participants").GetProperty("items").EnumerateArray().Single(p => p.GetProperty("id").GetGuid() == id).GetProperty("history");
        Assert.Equal(2, history.GetArrayLength());

        using (var brandt = await app.SignedInAsync(DemoUsers.Representative))
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await brandt.GetAsync($"/api/labs/{programme}/programme")).StatusCode);
        }

        var due = after.GetProperty("dueForFollowUp").GetInt32();
        Assert.True(due > 0);
        Assert.Equal(due, await app.SendAsync(new SendFollowUpReminders()));
        Assert.Equal(0, await app.SendAsync(new SendFollowUpReminders()));
        var mail = await app.WaitForMailAsync(DemoUsers.Staff, "Mutausbruch");
        Assert.Contains("Paul Weiß", mail.TextBody, StringComparison.Ordinal);
        await app.WithScopeAsync(sp => sp.GetRequiredService<Alliance.Shared.Messaging.OutboxDispatcher>().DispatchAsync("labs"));
        Assert.Single(await app.MailsToAsync(DemoUsers.Staff), m => m.Subject.Contains("Mutausbruch", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Representatives_edit_only_their_own_proposal_need_and_offer()
    {
        using var kaiser = await KaiserAsync();
        using var brandt = await app.SignedInAsync(DemoUsers.Representative);
        using var staff = await app.SignedInAsync(DemoUsers.Staff);

        var proposal = await (await kaiser.PostAsJsonAsync("/api/labs/proposals", new { title = "Licht in der Passage", description = "Beleuchtung." })).CreatedIdAsync();
        var version = (await kaiser.GetFromJsonAsync<JsonElement>($"/api/labs/proposals/{proposal}")).GetProperty("version").GetUInt32();
        Assert.Equal(HttpStatusCode.Forbidden, (await brandt.PutAsJsonAsync($"/api/labs/proposals/{proposal}", new { version, title = "Gekapert", description = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await kaiser.PutAsJsonAsync($"/api/labs/proposals/{proposal}", new { version, title = "Licht in der Ladenpassage", description = "Bessere Beleuchtung." })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await kaiser.PutAsJsonAsync($"/api/labs/proposals/{proposal}", new { version, title = "Veraltet", description = "x" })).StatusCode);
        Assert.Equal("Licht in der Ladenpassage", (await kaiser.GetFromJsonAsync<JsonElement>($"/api/labs/proposals/{proposal}")).GetProperty("title").GetString());

        var need = await (await kaiser.PostAsJsonAsync("/api/labs/needs", new { title = "Lagerfläche für Kabeltrommeln" })).CreatedIdAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await brandt.PostAsync($"/api/labs/needs/{need}/close", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await kaiser.PostAsync($"/api/labs/needs/{need}/close", null)).StatusCode);
        Assert.True((await kaiser.GetFromJsonAsync<JsonElement>($"/api/labs/needs/{need}")).GetProperty("isClosed").GetBoolean());

        var offer = await (await kaiser.PostAsJsonAsync("/api/labs/offers", new { title = "Elektro-Check für Vereine" })).CreatedIdAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await brandt.PostAsync($"/api/labs/offers/{offer}/close", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await staff.PostAsync($"/api/labs/offers/{offer}/close", null)).StatusCode);
        var offers = await kaiser.GetFromJsonAsync<JsonElement>("/api/labs/offers?pageSize=200");
        Assert.DoesNotContain(offers.GetProperty("items").EnumerateArray(), o => o.GetProperty("id").GetGuid() == offer);
    }
}
