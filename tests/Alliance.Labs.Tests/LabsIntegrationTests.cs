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
// Own host: asserts the demo alliance's labs as seeded (list, order, counts).
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

        var today = LabsTestData.AllianceToday();
        var statistics = await app.SendAsync(new GetLabStatistics(today.AddYears(-1), today));
        Assert.Equal(4, statistics.ActiveLabs);
        Assert.Equal(2, statistics.Outcomes.PilotProjectsRunning + statistics.Outcomes.PilotProjectsCompleted + statistics.Outcomes.PilotProjectsPlanned);
        Assert.Equal(17, statistics.ProgrammeParticipants.Participants);
        Assert.Equal(4, statistics.ProgrammeParticipants.BusinessStarted);
        Assert.True(statistics.MemberOrganizationsByPartnerGroup.Single(g => g.PartnerGroup == PartnerGroup.Company).Organizations >= 10);
        Assert.Equal(1, statistics.Outcomes.PilotProjectsRunning);

        // A period before the alliance existed has nothing in it.
        var empty = await app.SendAsync(new GetLabStatistics(new DateOnly(2000, 1, 1), new DateOnly(2000, 12, 31)));
        Assert.Equal(0, empty.ActiveLabs);
        Assert.All(empty.MemberOrganizationsByPartnerGroup, g => Assert.Equal(0, g.Organizations));
    }

    [Fact]
    public async Task Each_action_item_of_a_decision_becomes_one_task_with_the_link_back_however_often_it_arrives()
    {
        var lab = await app.RetailLabAsync();
        var office = (await app.SendAsync(new GetActiveOrganizations())).Single(o => o.Name == "Amt für Wirtschaftsförderung").Id;
        var decisionId = Guid.NewGuid();
        var first = new ActionItemDecided(Guid.NewGuid(), decisionId, lab, "Konzept für die weitere Zusammenarbeit vorlegen", null, office,
            new DateOnly(AllianceClock.Today.Year + 1, 9, 30), "8. Allianztreffen", "/meetings/abc#decision-1") { ActionItemId = Guid.NewGuid() };
        var second = first with { EventId = Guid.NewGuid(), ActionItemId = Guid.NewGuid(), Title = "Finanzierung klären" };

        // The first action item delivered twice (a redelivery under a new event id), the second once: two tasks.
        await app.LabsDbAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            db.AddIntegrationEvent(first, now);
            db.AddIntegrationEvent(first with { EventId = Guid.NewGuid() }, now);
            db.AddIntegrationEvent(second, now);
            return await db.SaveChangesAsync();
        });
        await app.WithScopeAsync(sp => sp.GetRequiredService<OutboxDispatcher>().DispatchAsync("labs"));

        var items = await Eventually.Until(
            () => app.LabsDbAsync(db => db.ActionItems.Where(a => a.DecisionId == decisionId).ToListAsync()),
            list => list.Count >= 2, what: "the two tasks of the decision");
        await app.WithScopeAsync(sp => sp.GetRequiredService<OutboxDispatcher>().DispatchAsync("labs"));
        items = await app.LabsDbAsync(db => db.ActionItems.Where(a => a.DecisionId == decisionId).OrderBy(a => a.Title).ToListAsync());
        Assert.Equal(["Finanzierung klären", "Konzept für die weitere Zusammenarbeit vorlegen"], items.Select(a => a.Title).ToArray());
        Assert.Equal([second.ActionItemId, first.ActionItemId], items.Select(a => a.SourceActionItemId!.Value).ToArray());
        var item = items[1];
        Assert.Equal(ActionItemSource.MeetingDecision, item.Source);
        Assert.Equal(lab, item.LabId);
        Assert.Equal("8. Allianztreffen", item.MeetingTitle);
        Assert.Equal("/meetings/abc#decision-1", item.SourceLink);
        Assert.Equal(first.MeetingId, item.MeetingId);

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
    public async Task Organisation_snapshots_update_the_read_copy_and_an_older_one_delivered_last_changes_nothing()
    {
        var organization = (await app.SendAsync(new GetActiveOrganizations())).Single(o => o.Name == "Optik Vogel");
        var current = await app.LabsDbAsync(db => db.Organizations.Where(o => o.Id == organization.Id).Select(o => o.SourceVersion).SingleAsync());
        await DeliverAsync(new OrganizationChanged(organization with { Name = "Optik Vogel & Tochter", PartnerGroup = PartnerGroup.Company }) { SourceVersion = current + 2 });
        await Eventually.Until(() => app.LabsDbAsync(db => db.Organizations.AnyAsync(o => o.Id == organization.Id && o.Name == "Optik Vogel & Tochter")),
            what: "the renamed organisation copy");

        // The snapshot before it (a retry that was delayed) arrives last: the newer name stays.
        await DeliverAsync(new OrganizationChanged(organization with { Name = "Optik Vogel (alt)" }) { SourceVersion = current + 1 });
        await DeliverAsync(new OrganizationChanged(organization with { Name = "Optik Vogel (gleich alt)" }) { SourceVersion = current + 2 });
        var copy = await app.LabsDbAsync(db => db.Organizations.AsNoTracking().SingleAsync(o => o.Id == organization.Id));
        Assert.Equal("Optik Vogel & Tochter", copy.Name);
        Assert.Equal(current + 2, copy.SourceVersion);
    }

    /// <summary>Puts an event into the labs outbox, dispatches it and waits until the labs' subscriber has handled it.</summary>
    private async Task DeliverAsync(Alliance.Shared.Contracts.IntegrationEvent @event)
    {
        await app.LabsDbAsync(async db =>
        {
            db.AddIntegrationEvent(@event, DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });
        await app.WithScopeAsync(sp => sp.GetRequiredService<OutboxDispatcher>().DispatchAsync("labs"));
        await Eventually.Until(() => app.LabsDbAsync(db => db.Set<InboxMessage>().AnyAsync(i => i.EventId == @event.EventId)), what: "the delivered snapshot");
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
