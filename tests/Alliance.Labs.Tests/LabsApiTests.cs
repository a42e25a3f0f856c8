using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Alliance.Labs.Contracts;
using Alliance.Labs.Demo;
using Alliance.Labs.Domain;
using Alliance.Labs.Membership;
using Alliance.Members.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Labs.Tests;

/// <summary>Labs, lifecycle and membership through HTTP and MediatR against PostgreSQL.</summary>
// Own host: asserts the demo's programme as seeded (17 participants) and adds people with fixed addresses.
public sealed class LabsApiTests(AllianceApp app) : IClassFixture<AllianceApp>
{
    [Fact]
    public async Task Demo_alliance_has_the_three_labs_and_the_programme_with_17_participants()
    {
        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        var page = await staff.GetFromJsonAsync<JsonElement>("/api/labs?pageSize=50");
        var titles = page.GetProperty("items").EnumerateArray().Select(l => l.GetProperty("title").GetString()).ToList();
        Assert.Contains(LabsDemoSeeder.RetailLab, titles);
        Assert.Contains(LabsDemoSeeder.CraftsLab, titles);
        Assert.Contains(LabsDemoSeeder.StartUpLab, titles);
        Assert.Contains(LabsDemoSeeder.Programme, titles);

        var programme = await app.LabIdAsync(LabsDemoSeeder.Programme);
        var view = await staff.GetFromJsonAsync<JsonElement>($"/api/labs/{programme}/programme");
        Assert.Equal(17, view.GetProperty("total").GetInt32());
        Assert.True(view.GetProperty("funnel").EnumerateObject().Count() >= 5);
        Assert.True(view.GetProperty("dueForFollowUp").GetInt32() > 0);
    }

    [Fact]
    public async Task Retail_lab_is_coordinated_by_Thomas_Brandt_and_warns_that_science_is_missing()
    {
        using var representative = await app.SignedInAsync(DemoUsers.Representative);
        var lab = await representative.GetFromJsonAsync<JsonElement>($"/api/labs/{await app.RetailLabAsync()}");
        Assert.Contains(lab.GetProperty("coordinators").EnumerateArray(), c => c.GetProperty("name").GetString() == "Thomas Brandt");
        Assert.True(lab.GetProperty("canManage").GetBoolean());
        Assert.Equal(new[] { "Science" }, lab.GetProperty("missingPartnerGroups").EnumerateArray().Select(g => g.GetString()!).ToArray());
        Assert.True(lab.GetProperty("partnerGroupMix").GetProperty("Company").GetInt32() >= 5);
    }

    [Fact]
    public async Task Staff_create_a_lab_with_history_and_move_it_through_its_lifecycle()
    {
        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        var fields = await staff.GetFromJsonAsync<JsonElement>("/api/labs/action-fields");
        var field = fields.EnumerateArray().First().GetProperty("id").GetGuid();

        var id = await (await staff.PostAsJsonAsync("/api/labs", new { title = "Lebendige Innenstadt", actionFieldId = field, kind = "WorkingLab" })).CreatedIdAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await staff.PostAsJsonAsync($"/api/labs/{id}/status", new { status = "Active" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await staff.PostAsJsonAsync($"/api/labs/{id}/status", new { status = "Paused" })).StatusCode);
        // Paused → proposed is not a lifecycle step.
        Assert.Equal(HttpStatusCode.Conflict, (await staff.PostAsJsonAsync($"/api/labs/{id}/status", new { status = "Proposed" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await staff.PostAsJsonAsync($"/api/labs/{id}/status", new { status = "Concluded" })).StatusCode);

        var lab = await staff.GetFromJsonAsync<JsonElement>($"/api/labs/{id}");
        var history = lab.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(new[] { "Proposed", "Active", "Paused", "Concluded" }, history.Select(h => h.GetProperty("status").GetString()!).ToArray());
        Assert.All(history, h => Assert.Equal("Jonas Weber", h.GetProperty("changedBy").GetString()));

        // Editing a concluded lab: 409, nothing changes.
        var edit = await staff.PutAsJsonAsync($"/api/labs/{id}", new { title = "Umbenannt", actionFieldId = field, kind = "WorkingLab", version = lab.GetProperty("version").GetUInt32() });
        Assert.Equal(HttpStatusCode.Conflict, edit.StatusCode);
        Assert.Equal("Lebendige Innenstadt", (await staff.GetFromJsonAsync<JsonElement>($"/api/labs/{id}")).GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await staff.PostAsJsonAsync($"/api/labs/{id}/outcomes", new { title = "Zu spät", kind = "Concept", status = "Idea", percent = 0 })).StatusCode);
    }

    [Fact]
    public async Task Bad_lab_input_gets_field_errors_and_representatives_and_anonymous_are_refused()
    {
        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        var bad = await staff.PostAsJsonAsync("/api/labs", new { title = "", actionFieldId = Guid.NewGuid(), kind = "WorkingLab", startsOn = "2026-05-01", endsOn = "2026-04-01" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.ProblemAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("title", out _));
        Assert.True(errors.TryGetProperty("actionFieldId", out _));
        Assert.True(errors.TryGetProperty("endsOn", out _));

        var duplicate = await staff.PostAsJsonAsync("/api/labs", new
        {
            title = LabsDemoSeeder.RetailLab, actionFieldId = (await staff.GetFromJsonAsync<JsonElement>("/api/labs/action-fields"))[0].GetProperty("id").GetGuid(), kind = "WorkingLab",
        });
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);

        using var representative = await app.SignedInAsync(DemoUsers.Representative);
        Assert.Equal(HttpStatusCode.Forbidden, (await representative.PostAsJsonAsync("/api/labs", new { title = "X", actionFieldId = Guid.NewGuid(), kind = "WorkingLab" })).StatusCode);
        using var anonymous = app.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/labs")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/api/labs/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task A_representative_asks_to_join_the_coordinator_approves_and_joining_twice_is_refused()
    {
        await app.CreateRepresentativeAsync("Elektro Kaiser GmbH", "Petra", "Kaiser", "kaiser@elektro-kaiser.example");
        using var kaiser = await app.SignedInAsync("kaiser@elektro-kaiser.example");
        var lab = await app.RetailLabAsync();

        var empty = await kaiser.PostAsJsonAsync($"/api/labs/{lab}/membership-requests", new { motivation = " " });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);

        var requestId = await (await kaiser.PostAsJsonAsync($"/api/labs/{lab}/membership-requests", new { motivation = "Wir liefern mit Lastenrädern." })).CreatedIdAsync();
        var again = await kaiser.PostAsJsonAsync($"/api/labs/{lab}/membership-requests", new { motivation = "Noch einmal" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(1, await app.LabsDbAsync(db => db.MembershipRequests.CountAsync(r => r.LabId == lab && r.Motivation == "Noch einmal" || r.Id == requestId)));

        // Kaiser does not coordinate the lab: she may not approve her own request.
        Assert.Equal(HttpStatusCode.Forbidden, (await kaiser.PostAsJsonAsync($"/api/labs/membership-requests/{requestId}/approve", new { role = "Partner" })).StatusCode);

        using var brandt = await app.SignedInAsync(DemoUsers.Representative);
        var approved = await brandt.PostAsJsonAsync($"/api/labs/membership-requests/{requestId}/approve", new { role = "Partner" });
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);

        var page = await kaiser.GetFromJsonAsync<JsonElement>($"/api/labs/{lab}");
        Assert.Contains(page.GetProperty("members").EnumerateArray(), m => m.GetProperty("organization").GetString() == "Elektro Kaiser GmbH");
        Assert.Equal(HttpStatusCode.Conflict, (await kaiser.PostAsJsonAsync($"/api/labs/{lab}/membership-requests", new { motivation = "Schon drin" })).StatusCode);

        // Leaving ends the membership; the approval event went into the outbox with it.
        var membership = page.GetProperty("own").GetProperty("membershipId").GetGuid();
        Assert.Equal(HttpStatusCode.NoContent, (await kaiser.DeleteAsync($"/api/labs/memberships/{membership}")).StatusCode);
        Assert.Null((await kaiser.GetFromJsonAsync<JsonElement>($"/api/labs/{lab}")).GetProperty("own").GetProperty("membershipId").GetString());
    }

    [Fact]
    public async Task A_declined_request_shows_the_reason_to_the_organisation()
    {
        await app.CreateRepresentativeAsync("Fahrradladen Speiche", "Ole", "Speiche", "ole@speiche.example");
        using var ole = await app.SignedInAsync("ole@speiche.example");
        var lab = await app.RetailLabAsync();
        var requestId = await (await ole.PostAsJsonAsync($"/api/labs/{lab}/membership-requests", new { motivation = "Reparaturen" })).CreatedIdAsync();

        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.PostAsJsonAsync($"/api/labs/membership-requests/{requestId}/decline", new { reason = "" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await staff.PostAsJsonAsync($"/api/labs/membership-requests/{requestId}/decline", new { reason = "Bitte zuerst Mitglied der Allianz werden." })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await staff.PostAsJsonAsync($"/api/labs/membership-requests/{requestId}/approve", new { role = "Partner" })).StatusCode);

        var page = await ole.GetFromJsonAsync<JsonElement>($"/api/labs/{lab}");
        Assert.Equal("Bitte zuerst Mitglied der Allianz werden.", page.GetProperty("own").GetProperty("lastDeclineReason").GetString());
        Assert.False(page.GetProperty("canManage").GetBoolean());
        Assert.Empty(page.GetProperty("pendingRequests").EnumerateArray());
    }

    [Fact]
    public async Task Two_coordinators_approving_the_same_request_at_once_give_one_membership()
    {
        var lab = await app.LabIdAsync(LabsDemoSeeder.CraftsLab);
        var second = await app.CreateRepresentativeAsync("Handwerkskammer", "Uwe", "Meister", "meister@hwk.example", PartnerGroup.Chamber);
        await app.LabsDbAsync(async db =>
        {
            db.Coordinators.Add(new LabCoordinator { LabId = lab, PersonId = second });
            return await db.SaveChangesAsync();
        });
        await app.CreateRepresentativeAsync("Elektro Nord GmbH", "Eva", "Nord", "eva@elektro-nord.example");
        var eva = await app.PrincipalAsync("eva@elektro-nord.example");

        for (var round = 0; round < 3; round++)
        {
            var requestId = await app.SendAsync(new RequestMembership(lab, "Runde " + round), eva);
            var first = await app.PrincipalAsync("meister@hwk.example");
            var staff = await app.PrincipalAsync(DemoUsers.Staff);
            var results = await Task.WhenAll(
                Attempt(() => app.SendAsync(new ApproveMembership(requestId, MembershipRole.Partner), first)),
                Attempt(() => app.SendAsync(new ApproveMembership(requestId, MembershipRole.Observer), staff)));

            // Both callers are told it worked (or the loser gets a 409) — never two memberships, never a 500.
            Assert.All(results, r => Assert.True(r.Error is null or Alliance.Shared.Errors.ConflictException, r.Error?.ToString()));
            var memberships = await app.LabsDbAsync(db => db.Memberships.Where(m => m.LabId == lab && m.RequestId == requestId).ToListAsync());
            Assert.Single(memberships);
            Assert.Contains(memberships[0].Id, results.Where(r => r.Error is null).Select(r => r.Id));

            // Leave again for the next round.
            await app.SendAsync(new LeaveLab(memberships[0].Id), staff);
        }
    }

    private static async Task<(Guid Id, Exception? Error)> Attempt(Func<Task<Guid>> action)
    {
        try
        {
            return (await action(), null);
        }
        catch (Exception e)
        {
            return (Guid.Empty, e);
        }
    }
}
