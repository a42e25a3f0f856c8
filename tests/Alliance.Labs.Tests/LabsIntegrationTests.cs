using System.Net.Http.Json;
using Alliance.Labs.Contracts;
using Alliance.Labs.Demo;
using Alliance.Labs.Domain;
using Alliance.Labs.Membership;
using Alliance.Labs.Persistence;
using Alliance.Meetings.Contracts;
using Alliance.Members.Contracts;
using Alliance.Shared.Messaging;
using Alliance.Shared.Web;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Alliance.Labs.Tests;

/// <summary>What other modules see: Contracts requests, consumed events, personal data and erasure.</summary>
public sealed class LabsIntegrationTests(AllianceApp app) : IClassFixture<AllianceApp>
{
    [Fact]
    public async Task Contracts_answer_lab_list_details_coordinator_and_statistics_from_SQL()
    {
        var labs = await app.SendAsync(new GetLabs());
        Assert.Equal(labs.OrderBy(l => l.Title, StringComparer.Ordinal).Select(l => l.Title), labs.Select(l => l.Title));
        var retail = labs.Single(l => l.Title == LabsDemoSeeder.RetailLab);
        Assert.Equal("Hybrider Handel", retail.ActionField);

        var details = await app.SendAsync(new GetLabDetails(retail.Id));
        Assert.NotNull(details);
        Assert.Equal(8, details.MemberOrganizationIds.Count);
        Assert.True(await app.SendAsync(new IsLabCoordinator(retail.Id, details.CoordinatorPersonIds[0])));
        Assert.False(await app.SendAsync(new IsLabCoordinator(retail.Id, Guid.NewGuid())));
        Assert.Null(await app.SendAsync(new GetLabDetails(Guid.NewGuid())));

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var statistics = await app.SendAsync(new GetLabStatistics(today.AddYears(-1), today));
        Assert.Equal(4, statistics.ActiveLabs);
        Assert.Equal(2, statistics.PilotProjects);
        Assert.Equal(17, statistics.ProgrammeParticipantsByStatus.Values.Sum());
        Assert.Equal(4, statistics.ProgrammeParticipantsByStatus["BusinessStarted"]);
        Assert.True(statistics.MemberOrganizationsByPartnerGroup[PartnerGroup.Company] >= 10);
        Assert.Equal(1, statistics.OutcomesByStatus["Running"]);

        // A period before the alliance existed has nothing in it.
        var empty = await app.SendAsync(new GetLabStatistics(new DateOnly(2000, 1, 1), new DateOnly(2000, 12, 31)));
        Assert.Equal(0, empty.ActiveLabs);
        Assert.Empty(empty.MemberOrganizationsByPartnerGroup);
    }

    [Fact]
    public async Task A_meeting_decision_becomes_one_action_item_with_the_link_back_however_often_it_arrives()
    {
        var lab = await app.RetailLabAsync();
        var office = (await app.SendAsync(new GetActiveOrganizations())).Single(o => o.Name == "Amt für Wirtschaftsförderung").Id;
        var decided = new ActionItemDecided(Guid.NewGuid(), Guid.NewGuid(), lab, "Konzept für die weitere Zusammenarbeit vorlegen", null, office,
            new DateOnly(DateTime.UtcNow.Year, 9, 30), "8. Allianztreffen", "/meetings/abc#decision-1");

        // Delivered twice (two events with the same decision, as after a redelivery): one item.
        await app.LabsDbAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            db.AddIntegrationEvent(decided, now);
            db.AddIntegrationEvent(decided with { EventId = Guid.NewGuid() }, now);
            return await db.SaveChangesAsync();
        });
        await app.WithScopeAsync(sp => sp.GetRequiredService<OutboxDispatcher>().DispatchAsync("labs"));

        var items = await Eventually.Until(
            () => app.LabsDbAsync(db => db.ActionItems.Where(a => a.DecisionId == decided.DecisionId).ToListAsync()),
            list => list.Count > 0, what: "the action item from the meeting decision");
        await app.WithScopeAsync(sp => sp.GetRequiredService<OutboxDispatcher>().DispatchAsync("labs"));
        items = await app.LabsDbAsync(db => db.ActionItems.Where(a => a.DecisionId == decided.DecisionId).ToListAsync());
        var item = Assert.Single(items);
        Assert.Equal(ActionItemSource.MeetingDecision, item.Source);
        Assert.Equal(lab, item.LabId);
        Assert.Equal("8. Allianztreffen", item.MeetingTitle);
        Assert.Equal("/meetings/abc#decision-1", item.SourceLink);
        Assert.Equal(decided.MeetingId, item.MeetingId);

        // It appears in the lab's list and in the owner organisation's "my action items".
        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        var page = await staff.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/labs/{lab}");
        Assert.Contains(page.GetProperty("openActionItems").EnumerateArray(), a => a.GetProperty("meetingTitle").GetString() == "8. Allianztreffen");
        var mine = await staff.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/labs/action-items/mine");
        Assert.Contains(mine.GetProperty("items").EnumerateArray(), a => a.GetProperty("id").GetGuid() == item.Id);
    }

    [Fact]
    public async Task Personal_data_export_has_a_labs_section_and_erasure_removes_free_text_but_keeps_counts()
    {
        var person = await app.CreateRepresentativeAsync("Elektro Kaiser GmbH", "Petra", "Kaiser", "kaiser@export.example");
        var principal = await app.PrincipalAsync("kaiser@export.example");
        var lab = await app.RetailLabAsync();
        await app.SendAsync(new RequestMembership(lab, "Persönliche Motivation von Frau Kaiser"), principal);
        var proposal = await app.SendAsync(new Alliance.Labs.Proposals.CreateProposal("Kaisers Thema", "Text", null), principal);
        await app.SendAsync(new Alliance.Labs.Proposals.SupportProposal(
            await app.LabsDbAsync(db => db.Proposals.Where(p => p.Title == "Fachkräfte-Pool im Handwerk").Select(p => p.Id).SingleAsync())), principal);

        var collector = new PersonalDataCollector();
        await app.WithScopeAsync(async sp =>
        {
            await sp.GetRequiredService<IMediator>().Publish(new CollectPersonalData(person, collector));
            return 0;
        });
        var json = System.Text.Json.JsonSerializer.Serialize(collector.Sections["labs"], new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Assert.Contains("Persönliche Motivation von Frau Kaiser", json, StringComparison.Ordinal);
        Assert.Contains("Kaisers Thema", json, StringComparison.Ordinal);
        Assert.Contains("Fachkräfte-Pool im Handwerk", json, StringComparison.Ordinal);

        var supportsBefore = await app.LabsDbAsync(db => db.Supports.CountAsync());
        await app.LabsDbAsync(async db =>
        {
            db.AddIntegrationEvent(new PersonErased(person), DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });
        await app.WithScopeAsync(sp => sp.GetRequiredService<OutboxDispatcher>().DispatchAsync("labs"));
        await Eventually.Until(() => app.LabsDbAsync(db => db.MembershipRequests.AnyAsync(r => r.LabId == lab && r.Motivation == null && r.RequestedByPersonId == null)),
            what: "the erased motivation");
        Assert.False(await app.LabsDbAsync(db => db.MembershipRequests.AnyAsync(r => r.RequestedByPersonId == person)));
        Assert.False(await app.LabsDbAsync(db => db.Supports.AnyAsync(s => s.PersonId == person)));
        Assert.Equal(supportsBefore, await app.LabsDbAsync(db => db.Supports.CountAsync()));
        Assert.True(await app.LabsDbAsync(db => db.Proposals.AnyAsync(p => p.Id == proposal && p.ProposedByPersonId == null)));
    }

    [Fact]
    public async Task Organisation_changes_update_the_read_copy()
    {
        var organization = (await app.SendAsync(new GetActiveOrganizations())).Single(o => o.Name == "Optik Vogel");
        await app.LabsDbAsync(async db =>
        {
            db.AddIntegrationEvent(new OrganizationChanged(organization with { Name = "Optik Vogel & Tochter", PartnerGroup = PartnerGroup.Company }), DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });
        await app.WithScopeAsync(sp => sp.GetRequiredService<OutboxDispatcher>().DispatchAsync("labs"));
        await Eventually.Until(() => app.LabsDbAsync(db => db.Organizations.AnyAsync(o => o.Id == organization.Id && o.Name == "Optik Vogel & Tochter")),
            what: "the renamed organisation copy");
    }

    [Theory]
    [InlineData("[klick](javascript:alert(1))")]
    [InlineData("[klick](JaVaScRiPt:alert(1))")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("![bild](data:text/html;base64,PHNjcmlwdD4=)")]
    [InlineData("<script>alert(1)</script><img src=x onerror=alert(1)>")]
    public void User_markdown_never_becomes_script(string markdown)
    {
        var html = SafeMarkdown.ToHtml(markdown).Value;
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("data:text", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img src=x", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Safe_links_stay_links()
    {
        var html = SafeMarkdown.ToHtml("[Seite](https://example.org/a) und [intern](/labs) und **fett**").Value;
        Assert.Contains("href=\"https://example.org/a\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/labs\"", html, StringComparison.Ordinal);
        Assert.Contains("<strong>fett</strong>", html, StringComparison.Ordinal);
    }
}
