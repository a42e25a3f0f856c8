using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Alliance.Labs.Common;
using Alliance.Labs.Demo;
using Alliance.Labs.Resources;
using Alliance.Shared.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Alliance.Labs.Tests;

/// <summary>
/// The rules every labs request shares: edge dates and oversized lists refused with field errors (nothing stored),
/// messages in the caller's language, the <c>Can…</c> flags of the lab page, German order, counted texts.
/// </summary>
[Collection(SharedAlliance.Collection)]
public sealed class LabsRulesTests(AllianceApp app)
{
    [Fact]
    public async Task Dates_at_the_edges_are_refused_with_a_field_error_and_nothing_is_stored()
    {
        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        var lab = await app.RetailLabAsync();
        var field = (await staff.GetFromJsonAsync<JsonElement>("/api/labs/action-fields"))[0].GetProperty("id").GetGuid();

        await AssertFieldErrorAsync(await staff.PostAsJsonAsync("/api/labs", new { title = "Labor 1900", actionFieldId = field, kind = "WorkingLab", startsOn = "1900-01-01" }), "startsOn");
        await AssertFieldErrorAsync(await staff.PostAsJsonAsync("/api/labs", new { title = "Labor 0001", actionFieldId = field, kind = "WorkingLab", endsOn = "0001-01-01" }), "endsOn");
        await AssertFieldErrorAsync(await staff.PostAsJsonAsync($"/api/labs/{lab}/action-items", new
        {
            title = "Viel zu spät", ownerOrganizationId = await OrganizationAsync("Modehaus Brandt"), dueDate = "2150-01-01",
        }), "dueDate");
        Assert.False(await app.LabsDbAsync(db => db.Labs.AnyAsync(l => l.Title == "Labor 1900" || l.Title == "Labor 0001")));
        Assert.False(await app.LabsDbAsync(db => db.ActionItems.AnyAsync(a => a.Title == "Viel zu spät")));

        using var brandt = await app.SignedInAsync(DemoUsers.Representative);
        await AssertFieldErrorAsync(await brandt.PostAsJsonAsync("/api/labs/needs", new { title = "Uralt", until = "1900-01-01" }), "until");
        Assert.False(await app.LabsDbAsync(db => db.Needs.AnyAsync(n => n.Title == "Uralt")));

        var programme = await app.LabIdAsync(LabsDemoSeeder.Programme);
        var participant = (await staff.GetFromJsonAsync<JsonElement>($"/api/labs/{programme}/programme?pageSize=1")).GetProperty("participants").GetProperty("items")[0];
        await AssertFieldErrorAsync(await staff.PostAsJsonAsync($"/api/labs/participants/{participant.GetProperty("id").GetGuid()}/contacts", new
        {
            version = participant.GetProperty("version").GetUInt32(), status = "InProgramme", on = "1900-01-01",
        }), "on");
    }

    [Fact]
    public async Task The_due_date_rule_counts_today_in_the_alliance_zone()
    {
        using var brandt = await app.SignedInAsync(DemoUsers.Representative);
        var lab = await app.RetailLabAsync();
        var owner = await OrganizationAsync("Modehaus Brandt");
        var today = LabsTestData.AllianceToday();
        Assert.Equal(HttpStatusCode.Created, (await brandt.PostAsJsonAsync($"/api/labs/{lab}/action-items", new { title = "Heute fällig", ownerOrganizationId = owner, dueDate = today.ToString("yyyy-MM-dd") })).StatusCode);
        await AssertFieldErrorAsync(await brandt.PostAsJsonAsync($"/api/labs/{lab}/action-items", new { title = "Gestern fällig", ownerOrganizationId = owner, dueDate = today.AddDays(-1).ToString("yyyy-MM-dd") }), "dueDate");
        Assert.Equal(today, AllianceTime.Today(TimeProvider.System));
    }

    [Fact]
    public async Task Lists_in_a_request_are_capped()
    {
        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        var lab = await app.RetailLabAsync();
        var field = (await staff.GetFromJsonAsync<JsonElement>("/api/labs/action-fields"))[0].GetProperty("id").GetGuid();

        await AssertFieldErrorAsync(await staff.PostAsJsonAsync("/api/labs", new
        {
            title = "Zu viele Gruppen", actionFieldId = field, kind = "WorkingLab", requiredPartnerGroups = Enumerable.Repeat("Company", 8).ToArray(),
        }), "requiredPartnerGroups");
        await AssertFieldErrorAsync(await staff.PostAsJsonAsync("/api/labs", new
        {
            title = "Zu viele Köpfe", actionFieldId = field, kind = "WorkingLab", coordinatorPersonIds = Enumerable.Range(0, 11).Select(_ => Guid.NewGuid()).ToArray(),
        }), "coordinatorPersonIds");
        await AssertFieldErrorAsync(await staff.PostAsJsonAsync($"/api/labs/{lab}/outcomes", new
        {
            title = "Zu viele Partner", kind = "Concept", status = "Idea", percent = 0, partnerOrganizationIds = Enumerable.Range(0, 101).Select(_ => Guid.NewGuid()).ToArray(),
        }), "partnerOrganizationIds");

        using var teacher = await app.SignedInAsync(DemoUsers.Representative);
        var need = await (await teacher.PostAsJsonAsync("/api/labs/needs", new { title = "Viele Angebote?" })).CreatedIdAsync();
        await AssertFieldErrorAsync(await staff.PostAsJsonAsync($"/api/labs/needs/{need}/matches", new { offerIds = Enumerable.Range(0, 10_000).Select(_ => Guid.NewGuid()).ToArray() }), "offerIds");

        Assert.False(await app.LabsDbAsync(db => db.Labs.AnyAsync(l => l.Title.StartsWith("Zu viele"))));
        Assert.False(await app.LabsDbAsync(db => db.Outcomes.AnyAsync(o => o.Title == "Zu viele Partner")));
        Assert.False(await app.LabsDbAsync(db => db.Matches.AnyAsync(m => m.NeedId == need)));
    }

    [Theory]
    [InlineData("de", "Ein Reallabor kann nicht von „pausiert“ zu „vorgeschlagen“ wechseln.")]
    [InlineData("en", "A lab cannot go from “paused” to “proposed”.")]
    public async Task A_refused_lifecycle_step_says_why_in_the_callers_language(string language, string expected)
    {
        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        var field = (await staff.GetFromJsonAsync<JsonElement>("/api/labs/action-fields"))[0].GetProperty("id").GetGuid();
        var id = await (await staff.PostAsJsonAsync("/api/labs", new { title = $"Pause {language}", actionFieldId = field, kind = "WorkingLab", activate = true })).CreatedIdAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await staff.PostAsJsonAsync($"/api/labs/{id}/status", new { status = "Paused" })).StatusCode);

        var refused = await staff.PostAsJsonAsync($"/api/labs/{id}/status?culture={language}", new { status = "Proposed" });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(expected, (await refused.ProblemAsync()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task The_lab_page_says_what_each_user_may_do()
    {
        var lab = await app.RetailLabAsync();
        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        var asStaff = await staff.GetFromJsonAsync<JsonElement>($"/api/labs/{lab}");
        Assert.True(asStaff.GetProperty("canManage").GetBoolean());
        Assert.True(asStaff.GetProperty("canEdit").GetBoolean());
        Assert.All(asStaff.GetProperty("members").EnumerateArray(), m => Assert.True(m.GetProperty("canEnd").GetBoolean()));

        // Mr Brandt coordinates the lab: he manages it but does not edit its fields (staff do).
        using var brandt = await app.SignedInAsync(DemoUsers.Representative);
        var asCoordinator = await brandt.GetFromJsonAsync<JsonElement>($"/api/labs/{lab}");
        Assert.True(asCoordinator.GetProperty("canManage").GetBoolean());
        Assert.False(asCoordinator.GetProperty("canEdit").GetBoolean());
        Assert.False(asCoordinator.GetProperty("canJoin").GetBoolean());
        // The owners of a new action item are searched (ActionItemOwnerPickerTests), not sent with the lab.
        Assert.False(asCoordinator.TryGetProperty("ownerCandidates", out _));

        // A representative of another organisation may ask to join, nothing more; she may end no membership.
        await app.CreateRepresentativeAsync("Bäckerei Korn", "Clara", "Korn", "korn@baeckerei.example");
        using var korn = await app.SignedInAsync("korn@baeckerei.example");
        var asOutsider = await korn.GetFromJsonAsync<JsonElement>($"/api/labs/{lab}");
        Assert.False(asOutsider.GetProperty("canManage").GetBoolean());
        Assert.False(asOutsider.GetProperty("canEdit").GetBoolean());
        Assert.True(asOutsider.GetProperty("canJoin").GetBoolean());
        Assert.All(asOutsider.GetProperty("members").EnumerateArray(), m => Assert.False(m.GetProperty("canEnd").GetBoolean()));
    }

    [Fact]
    public async Task Lab_lists_sort_the_German_way()
    {
        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        var field = (await staff.GetFromJsonAsync<JsonElement>("/api/labs/action-fields"))[0].GetProperty("id").GetGuid();
        foreach (var title in new[] { "Buchhandlung im Wandel", "Bäckerei der Zukunft", "Zünfte digital", "Zucker & Co" })
        {
            await (await staff.PostAsJsonAsync("/api/labs", new { title, actionFieldId = field, kind = "WorkingLab" })).CreatedIdAsync();
        }

        var titles = (await staff.GetFromJsonAsync<JsonElement>("/api/labs?status=Proposed&pageSize=200")).GetProperty("items").EnumerateArray()
            .Select(l => l.GetProperty("title").GetString()!).ToList();
        Assert.True(titles.IndexOf("Bäckerei der Zukunft") < titles.IndexOf("Buchhandlung im Wandel"), string.Join(" | ", titles));
        Assert.True(titles.IndexOf("Zucker & Co") < titles.IndexOf("Zünfte digital"), string.Join(" | ", titles));
        Assert.True(GermanOrder.Comparer.Compare("Bäckerei", "Buchhandlung") < 0);
    }

    [Theory]
    [InlineData("de", "Proposal_SupportCount", 1, "1 Unterstützung")]
    [InlineData("de", "Proposal_SupportCount", 2, "2 Unterstützungen")]
    [InlineData("en", "Proposal_SupportCount", 1, "1 support")]
    [InlineData("de", "Card_Staff_Overdue", 1, "1 überfällige Aufgabe")]
    [InlineData("en", "Card_Staff_Overdue", 1, "1 overdue action item")]
    [InlineData("en", "Card_Staff_Overdue", 0, "0 overdue action items")]
    [InlineData("de", "ActionFields_Labs", 1, "1 Reallabor")]
    [InlineData("en", "Need_MatchCount", 1, "1 offer matched")]
    public Task Counted_texts_use_singular_and_plural(string language, string key, int count, string expected) =>
        app.WithScopeAsync(sp =>
        {
            using var _ = Cultures.Use(language);
            Assert.Equal(expected, Plural.Format(sp.GetRequiredService<IStringLocalizer<LabsText>>(), key, count));
            return Task.FromResult(0);
        });

    [Fact]
    public async Task Every_German_labs_text_says_Reallabor_and_the_empty_choice_is_one_form()
    {
        var texts = await app.WithScopeAsync(sp =>
        {
            using var _ = Cultures.Use("de");
            return Task.FromResult(sp.GetRequiredService<IStringLocalizer<LabsText>>().GetAllStrings(true).ToList());
        });
        Assert.DoesNotContain(texts, t => System.Text.RegularExpressions.Regex.IsMatch(t.Value, @"\bLabor(s|e)?\b|Lab-Workshop"));
        Assert.Equal("– keine –", texts.Single(t => t.Name == "Option_None").Value);
    }

    private Task<Guid> OrganizationAsync(string name) =>
        app.LabsDbAsync(db => db.Organizations.Where(o => o.Name == name).Select(o => o.Id).SingleAsync());

    private static async Task AssertFieldErrorAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ProblemAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), $"no error on '{field}': {errors}");
    }
}
