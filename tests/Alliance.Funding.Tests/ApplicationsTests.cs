using System.Net;
using System.Net.Http.Json;
using Alliance.Funding.Applications;
using Alliance.Funding.Budget;
using Alliance.Funding.Domain;
using Alliance.Funding.Spending;
using Alliance.Funding.Workflow;
using Alliance.Members.Contracts;
using Alliance.Shared.Errors;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Funding.Tests;

/// <summary>Applications: figures, the workflow with its audit trail, expenses and drawdowns, bad input and who sees what.</summary>
[Collection(SharedAlliance.Collection)]
public sealed class ApplicationsTests(AllianceApp app)
{
    [Fact]
    public async Task Figures_are_computed_in_cents_with_flat_rate_funding_rate_and_gap()
    {
        var staff = await app.StaffAsync();
        var id = await app.DraftWithBudgetAsync();
        var members = await app.SendAsync(new GetActiveOrganizations());
        await app.SendAsync(new SetCityContribution(id, 10_000m), staff);
        await app.SendAsync(new SetMemberContribution(id, members[1].Id, 5_000m, true, FundingTestData.Start), staff);

        var figures = (await app.PageAsync(id)).Figures;

        Assert.Equal(100_000.55m, figures.DirectCosts);
        Assert.Equal(20_000.11m, figures.FlatRateAmount);
        Assert.Equal(120_000.66m, figures.Total);
        Assert.Equal(96_000.53m, figures.RequestedFunding);
        Assert.Equal(24_000.13m, figures.OwnShare);
        Assert.Equal(15_000m, figures.CoFinancing);
        Assert.Equal(9_000.13m, figures.Gap);
        var column = await app.FundingDbAsync(db => db.Database.SqlQuery<string>(
            $"SELECT data_type || '(' || numeric_precision || ',' || numeric_scale || ')' AS \"Value\" FROM information_schema.columns WHERE table_schema = 'funding' AND table_name = 'budget_lines' AND column_name = 'amount'").SingleAsync());
        Assert.Equal("numeric(14,2)", column);
    }

    [Fact]
    public async Task Workflow_records_each_step_and_refuses_steps_it_does_not_allow()
    {
        var client = await app.SignedInAsync(DemoUsers.Staff);
        var id = await app.DraftWithBudgetAsync();

        // Draft → approved: refused both as a plain step (400, needs the grant) and as an approval (409, not submitted).
        var plain = await client.PostAsJsonAsync($"/api/funding/applications/{id}/status", new { To = "Approved", Comment = "zu früh", Version = (await app.PageAsync(id)).Version });
        Assert.Equal(HttpStatusCode.BadRequest, plain.StatusCode);
        var approval = await client.PostAsJsonAsync($"/api/funding/applications/{id}/approval",
            new { Partial = false, Grants = new[] { new { Year = FundingTestData.Start.Year, Amount = 1000m } }, Version = (await app.PageAsync(id)).Version });
        Assert.Equal(HttpStatusCode.Conflict, approval.StatusCode);
        var running = await client.PostAsJsonAsync($"/api/funding/applications/{id}/status", new { To = "Running", Version = (await app.PageAsync(id)).Version });
        Assert.Equal(HttpStatusCode.Conflict, running.StatusCode);
        Assert.Equal(ApplicationStatus.Draft, (await app.PageAsync(id)).Status);
        Assert.Empty((await app.PageAsync(id)).Transitions);

        await app.RunAsync(id);
        var page = await app.PageAsync(id);
        Assert.Equal(ApplicationStatus.Running, page.Status);
        Assert.Equal(
            [(ApplicationStatus.Draft, ApplicationStatus.InternalReview), (ApplicationStatus.InternalReview, ApplicationStatus.Submitted),
             (ApplicationStatus.Submitted, ApplicationStatus.PartiallyApproved), (ApplicationStatus.PartiallyApproved, ApplicationStatus.Running)],
            page.Transitions.Select(t => (t.From, t.To)));
        Assert.All(page.Transitions, t => Assert.Equal("Jonas Weber", t.ByName));
        Assert.Equal("Bescheid vom Ministerium", page.Transitions[2].Comment);
        Assert.Equal(90_000m, page.GrantedTotal);
        Assert.Equal(2, page.ReportingPeriods.Count);
        Assert.Equal([ApplicationStatus.Closed], page.NextSteps);

        // A stale version is a conflict, too.
        var stale = await client.PostAsJsonAsync($"/api/funding/applications/{id}/status", new { To = "Closed", Version = page.Version + 1 });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        await app.SendAsync(new ChangeApplicationStatus(id, ApplicationStatus.Closed, "Verwendungsnachweis eingereicht", page.Version), await app.StaffAsync());
        var closed = await app.PageAsync(id);
        Assert.False(closed.CanEditPlan);
        Assert.False(closed.CanBook);
        var edit = await client.PutAsJsonAsync($"/api/funding/applications/{id}", new
        {
            Title = "Nachträglich", ApplicantOrganizationId = closed.ApplicantOrganizationId, ProjectStart = closed.ProjectStart, ProjectEnd = closed.ProjectEnd, Version = closed.Version,
        });
        Assert.Equal(HttpStatusCode.Conflict, edit.StatusCode);
        Assert.Contains("nicht mehr geändert", await edit.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var expense = await client.PostAsJsonAsync($"/api/funding/applications/{id}/expenses", new
        {
            Date = FundingTestData.Start.AddDays(3), Category = "Staff", Amount = 10m, Description = "Nach Abschluss",
        });
        Assert.Equal(HttpStatusCode.Conflict, expense.StatusCode);
        Assert.Equal("Wirtschaftsallianz 2.0", (await app.PageAsync(id)).Title);
        Assert.Equal(5, (await app.PageAsync(id)).Transitions.Count);
    }

    [Fact]
    public async Task Budget_vs_actual_overspend_and_drawdown_interest_risk_are_computed()
    {
        var staff = await app.StaffAsync();
        var id = await app.DraftWithBudgetAsync();
        await app.RunAsync(id);
        var start = FundingTestData.Start;
        await app.SendAsync(new RecordExpense(id, start.AddDays(10), "Staff", 30_000.10m, "Gehalt Projektleitung", "B-1", "Stadt"), staff);
        await app.SendAsync(new RecordExpense(id, start.AddDays(40), "staff", 25_000m, "Gehalt Koordination", "B-2", null), staff);
        await app.SendAsync(new RecordExpense(id, start.AddDays(20), "Material", 12_500m, "Messestand", "B-3", "Messebau GmbH"), staff);
        await app.SendAsync(new RecordDrawdown(id, start, 100_000m), staff);

        var page = await app.PageAsync(id);

        var staffYear1 = page.BudgetVsActual.Single(r => r.Year == start.Year && r.Category == "Staff");
        Assert.Equal(50_000m, staffYear1.Budget);
        Assert.Equal(55_000.10m, staffYear1.Actual);
        Assert.Equal(-5_000.10m, staffYear1.Remaining);
        Assert.Equal(110.0m, staffYear1.PercentUsed);
        Assert.False(staffYear1.Overspent(page.OverspendTolerancePercent));
        var material = page.BudgetVsActual.Single(r => r.Year == start.Year && r.Category == "Material");
        Assert.Equal(12_500m, material.Actual);
        Assert.Equal(-2_499.45m, material.Remaining);
        Assert.True(material.Overspent(page.OverspendTolerancePercent));
        var year2 = page.BudgetVsActual.Single(r => r.Year == start.Year + 1);
        Assert.Equal((40_000m, 0m), (year2.Budget, year2.Actual));
        Assert.Equal(67_500.10m, page.ExpensesTotal);

        // 80 % of 67,500.10 = 54,000.08 spent of the drawn 100,000; the six weeks after 1 January are long over.
        var drawdown = Assert.Single(page.Drawdowns);
        Assert.Equal(45_999.92m, drawdown.Unspent);
        Assert.True(drawdown.Overdue);
        Assert.Equal(45_999.92m, page.InterestRisk);
    }

    [Fact]
    public async Task Bad_input_is_refused_and_nothing_is_stored()
    {
        var client = await app.SignedInAsync(DemoUsers.Staff);
        var id = await app.DraftWithBudgetAsync();

        // Co-financing beyond the total (120,000.66).
        var city = await client.PutAsJsonAsync($"/api/funding/applications/{id}/city-contribution", new { Amount = 130_000m });
        Assert.Equal(HttpStatusCode.BadRequest, city.StatusCode);
        Assert.Contains("Kofinanzierung", await city.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0m, (await app.PageAsync(id)).Figures.CityContribution);
        // A category the call does not have, a negative amount.
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PutAsJsonAsync($"/api/funding/applications/{id}/budget", new { Year = FundingTestData.Start.Year, Category = "Catering", Amount = 5m })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PutAsJsonAsync($"/api/funding/applications/{id}/budget", new { Year = FundingTestData.Start.Year, Category = "Travel", Amount = -5m })).StatusCode);
        Assert.Equal(3, (await app.PageAsync(id)).BudgetLines.Count);

        await app.RunAsync(id);
        var count = () => app.FundingDbAsync(db => db.Expenses.CountAsync(e => e.ApplicationId == id));
        async Task<HashSet<string>> Refused(object body)
        {
            var response = await client.PostAsJsonAsync($"/api/funding/applications/{id}/expenses", body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            return FundingTestData.ErrorFields(await response.Content.ReadAsStringAsync());
        }

        var start = FundingTestData.Start;
        Assert.Contains("category", await Refused(new { Date = start.AddDays(5), Category = "Travel", Amount = 100m, Description = "Nicht im Plan" }));
        Assert.Contains("amount", await Refused(new { Date = start.AddDays(5), Category = "Staff", Amount = -100m, Description = "Negativ" }));
        Assert.Contains("amount", await Refused(new { Date = start.AddDays(5), Category = "Staff", Amount = 0.001m, Description = "Bruchteil" }));
        Assert.Contains("date", await Refused(new { Date = start.AddDays(-1), Category = "Staff", Amount = 100m, Description = "Vorher" }));
        Assert.Contains("date", await Refused(new { Date = FundingTestData.End.AddDays(1), Category = "Staff", Amount = 100m, Description = "Nachher" }));
        Assert.Equal(0, await count());
        var drawdown = await client.PostAsJsonAsync($"/api/funding/applications/{id}/drawdowns", new { Date = start, Amount = -1m });
        Assert.Equal(HttpStatusCode.BadRequest, drawdown.StatusCode);
        Assert.Empty((await app.PageAsync(id)).Drawdowns);
    }

    [Fact]
    public async Task Representatives_see_only_the_summary_of_applications_their_organisation_takes_part_in()
    {
        var staff = await app.StaffAsync();
        var own = await app.RepresentativeOrganizationAsync();
        var others = (await app.SendAsync(new GetActiveOrganizations())).Where(o => o.Id != own).ToList();
        var shared = await app.DraftWithBudgetAsync(others[0].Id);
        await app.SendAsync(new AddPartner(shared, own, "Verbundpartner"), staff);
        await app.SendAsync(new SetMemberContribution(shared, own, 2_500m, true, FundingTestData.Start), staff);
        await app.SendAsync(new SetMemberContribution(shared, others[1].Id, 7_777m, false, null), staff);
        var foreign = await app.DraftWithBudgetAsync(others[0].Id);

        var representative = await app.SignedInAsync(DemoUsers.Representative);
        Assert.Equal(HttpStatusCode.Forbidden, (await representative.GetAsync("/api/funding/calls")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await representative.GetAsync("/api/funding/applications")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await representative.GetAsync($"/api/funding/applications/{shared}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await representative.GetAsync($"/api/funding/applications/{foreign}/summary")).StatusCode);
        var summary = await representative.GetAsync($"/api/funding/applications/{shared}/summary");
        Assert.Equal(HttpStatusCode.OK, summary.StatusCode);
        var body = await summary.Content.ReadAsStringAsync();
        Assert.Contains("Verbundpartner", body, StringComparison.Ordinal);
        Assert.Contains("2500", body, StringComparison.Ordinal);
        Assert.DoesNotContain("7777", body, StringComparison.Ordinal);
        Assert.DoesNotContain("50000", body, StringComparison.Ordinal);

        var forbidden = await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsync(new GetApplication(shared), app.PrincipalAsync(DemoUsers.Representative).Result));
        Assert.NotNull(forbidden);
        var office = await app.SignedInAsync(DemoUsers.Staff);
        Assert.Equal(HttpStatusCode.OK, (await office.GetAsync($"/api/funding/applications/{shared}")).StatusCode);
    }
}
