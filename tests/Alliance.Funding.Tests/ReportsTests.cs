using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Alliance.Funding.Applications;
using Alliance.Funding.Budget;
using Alliance.Funding.Demo;
using Alliance.Funding.Domain;
using Alliance.Funding.Reports;
using Alliance.Funding.Spending;
using Alliance.Funding.Workflow;
using Alliance.Labs.Contracts;
using Alliance.Members.Contracts;
using Alliance.Shared.Localization;
using Alliance.Surveys.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Funding.Tests;

/// <summary>
/// Reporting obligations: the report job drafts each ended period once with the figures the modules report for it,
/// staff write the narrative (stale versions are refused), a refresh runs as a background job, a submitted report is
/// locked, and representatives reach none of it.
/// </summary>
[Collection(SharedAlliance.Collection)]
public sealed class ReportsTests(AllianceApp app)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static int LastYear => FundingTestData.Today.Year - 1;

    [Fact]
    public async Task Report_job_drafts_an_ended_period_once_with_the_figures_the_modules_report()
    {
        var (id, period) = await RunningSinceLastYearAsync();

        var first = await app.SendAsync(new DraftDueReports());
        var second = await app.SendAsync(new DraftDueReports());

        Assert.True(first >= 1);
        Assert.Equal(0, second);
        Assert.Equal(1, await app.FundingDbAsync(db => db.Reports.CountAsync(r => r.ApplicationId == id)));
        Assert.Equal(1, await app.FundingDbAsync(db => db.Reports.CountAsync(r => r.ReportingPeriodId == period)));

        // The key is the period: a second draft cannot be stored, whatever code tries.
        var twice = await Assert.ThrowsAsync<DbUpdateException>(() => app.FundingDbAsync(db =>
        {
            db.Reports.Add(new Report { ReportingPeriodId = period, ApplicationId = id, DraftedAt = DateTimeOffset.UtcNow, FiguresAt = DateTimeOffset.UtcNow });
            return db.SaveChangesAsync();
        }));
        Assert.NotNull(twice);

        var report = await app.SendAsync(new GetReport(period), await app.StaffAsync());
        var figures = report.Figures;
        Assert.Equal((new DateOnly(LastYear, 1, 1), new DateOnly(LastYear, 12, 31)), (figures.From, figures.To));
        Assert.Equal(ReportState.Drafted, report.State);

        // Meetings, counted here from their rows: held = not cancelled and started in the period; participants = check-ins.
        var (start, end) = PeriodInstants.Of(figures.From, figures.To);
        var held = await app.FundingDbAsync(db => db.Database.SqlQuery<int>(
            $"""SELECT count(*)::int AS "Value" FROM meetings.meetings WHERE NOT "IsCancelled" AND "StartsAt" >= {start} AND "StartsAt" < {end}""").SingleAsync());
        var attendances = await app.FundingDbAsync(db => db.Database.SqlQuery<int>(
            $"""SELECT count(*)::int AS "Value" FROM meetings.registrations r JOIN meetings.meetings m ON m."Id" = r."MeetingId" WHERE r."CheckedInAt" IS NOT NULL AND NOT m."IsCancelled" AND m."StartsAt" >= {start} AND m."StartsAt" < {end}""").SingleAsync());
        Assert.True(held > 0, "the demo holds plenaries last year");
        Assert.Equal(held, figures.Meetings!.MeetingsHeld);
        Assert.Equal(attendances, figures.Meetings.Attendances);
        Assert.Equal(attendances, figures.Meetings.ByPartnerGroup.Sum(g => g.Attendances));

        // Money, counted here: last year's expenses and drawdowns only; the budget of last year.
        Assert.Equal(1_500.50m + 200m, figures.Finance.Expenses);
        Assert.Equal(1_500.50m, figures.Finance.BudgetVsActual.Single(r => r.Category == "Staff").Actual);
        Assert.Equal(60_000m, figures.Finance.Budget);
        Assert.Equal(5_000m, figures.Finance.Drawn);
        Assert.Equal(40_000m, figures.Finance.Granted);
        Assert.Equal(1_700.50m, figures.Finance.ExpensesToDate);
        Assert.Equal(1_700.50m, await app.FundingDbAsync(db => db.Expenses.Where(e => e.ApplicationId == id && e.Date.Year == LastYear).SumAsync(e => e.Amount)));

        // Members, labs and surveys: the same answers the modules give for the period now.
        Assert.Equal(Serialize(await app.SendAsync(new GetMembershipStatistics(figures.From, figures.To))), Serialize(figures.Members));
        Assert.Equal(Serialize(await app.SendAsync(new GetLabStatistics(figures.From, figures.To))), Serialize(figures.Labs));
        Assert.Equal(Serialize(await app.SendAsync(new GetSurveyStatistics(figures.From, figures.To))), Serialize(figures.Surveys));
        Assert.True(figures.Members.MembersAtEnd > 0);

        // One narrative per work package, empty.
        Assert.Equal(["Netzwerk"], report.Narrative.WorkDone.Select(w => w.Title));
    }

    [Fact]
    public async Task Demo_interim_report_is_drafted_and_due_and_the_narrative_is_edited_with_stale_writes_refused_until_submitted()
    {
        var running = await app.FundingDbAsync(db => db.Applications.Where(a => a.Title == FundingDemoSeeder.RunningProject).Select(a => a.Id).SingleAsync());
        var client = await app.SignedInAsync(DemoUsers.Staff);
        var list = await client.GetFromJsonAsync<JsonElement>($"/api/funding/applications/{running}/reports");
        var interim = list.GetProperty("reports").EnumerateArray().Single(r => r.GetProperty("state").GetString() == "Drafted");
        Assert.Equal("Interim", interim.GetProperty("kind").GetString());
        Assert.False(interim.GetProperty("overdue").GetBoolean());
        var id = interim.GetProperty("id").GetGuid();
        var dashboard = await client.GetStringAsync("/");
        Assert.Contains("id=\"reports-due\"", dashboard, StringComparison.Ordinal);
        Assert.Contains($"/funding/reports/{id}", dashboard, StringComparison.Ordinal);

        var report = await client.GetFromJsonAsync<JsonElement>($"/api/funding/reports/{id}");
        var version = report.GetProperty("version").GetUInt32();
        var package = report.GetProperty("narrative").GetProperty("workDone")[0].GetProperty("workPackageId").GetGuid();
        var save = await client.PutAsJsonAsync($"/api/funding/reports/{id}/narrative", new
        {
            Goals = "Allianz aufbauen", WorkDone = new[] { new { WorkPackageId = package, Text = "Vier Plenen" } }, Results = "Drei Labore", Version = version,
        });
        Assert.Equal(HttpStatusCode.NoContent, save.StatusCode);

        // The version read before is stale now: 409, nothing stored.
        var stale = await client.PutAsJsonAsync($"/api/funding/reports/{id}/narrative", new { Goals = "Überschrieben", Version = version });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var saved = await app.SendAsync(new GetReport(id), await app.StaffAsync());
        Assert.Equal("Allianz aufbauen", saved.Narrative.Goals);
        Assert.Equal("Vier Plenen", saved.Narrative.WorkDone[0].Text);
        Assert.Equal("Drei Labore", saved.Narrative.Results);

        // A work package of another application is refused on its field.
        var foreign = await client.PutAsJsonAsync($"/api/funding/reports/{id}/narrative", new
        {
            WorkDone = new[] { new { WorkPackageId = Guid.NewGuid(), Text = "x" } }, Version = saved.Version,
        });
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        Assert.Contains("workdone", FundingTestData.ErrorFields(await foreign.Content.ReadAsStringAsync()));

        // Submitted: locked for the narrative, a refresh and a second submission.
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync($"/api/funding/reports/{id}/submission", new { Version = saved.Version })).StatusCode);
        var submitted = await app.SendAsync(new GetReport(id), await app.StaffAsync());
        Assert.Equal(ReportState.Submitted, submitted.State);
        Assert.Equal("Jonas Weber", submitted.SubmittedByName);
        Assert.False(submitted.CanEdit || submitted.CanRefresh || submitted.CanSubmit);
        Assert.Equal(HttpStatusCode.Conflict, (await client.PutAsJsonAsync($"/api/funding/reports/{id}/narrative", new { Goals = "Nachher", Version = submitted.Version })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsync($"/api/funding/reports/{id}/refresh", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsJsonAsync($"/api/funding/reports/{id}/submission", new { Version = submitted.Version })).StatusCode);
        Assert.Equal("Allianz aufbauen", (await app.SendAsync(new GetReport(id), await app.StaffAsync())).Narrative.Goals);
    }

    [Fact]
    public async Task Refresh_runs_in_the_background_and_collects_the_figures_again_keeping_the_narrative()
    {
        var (id, period) = await RunningSinceLastYearAsync();
        await app.SendAsync(new DraftDueReports());
        var staff = await app.StaffAsync();
        var before = await app.SendAsync(new GetReport(period), staff);
        await app.SendAsync(new UpdateReportNarrative(period, "Ziele", null, null, null, "Ausblick", before.Version), staff);
        await app.SendAsync(new RecordExpense(id, new DateOnly(LastYear, 11, 20), "Staff", 99.99m, "Nachbuchung", "B-9", null), staff);

        var client = await app.SignedInAsync(DemoUsers.Staff);
        var asked = await client.PostAsync($"/api/funding/reports/{period}/refresh", null);
        Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);

        var after = await Eventually.Until(() => app.SendAsync(new GetReport(period), staff), r => r.Refresh == RefreshState.None, TimeSpan.FromSeconds(30), "the refresh job");
        Assert.Equal(before.Figures.Finance.Expenses + 99.99m, after.Figures.Finance.Expenses);
        Assert.True(after.FiguresAt > before.FiguresAt);
        Assert.Equal(before.DraftedAt, after.DraftedAt);
        Assert.Equal(("Ziele", "Ausblick"), (after.Narrative.Goals, after.Narrative.Outlook));
    }

    [Fact]
    public async Task Staff_draft_an_ended_period_now_from_the_reports_page_or_the_api_once_and_representatives_may_not()
    {
        var (id, period) = await RunningSinceLastYearAsync();
        var final = await app.FundingDbAsync(db => db.ReportingPeriods.Where(p => p.ApplicationId == id && p.Kind == ReportKind.Final).Select(p => p.Id).SingleAsync());
        var staff = await app.StaffAsync();
        var listed = await app.SendAsync(new ListReports(id), staff);
        Assert.Equal(new[] { (period, true), (final, false) }, listed.Reports.Select(r => (r.Id, r.CanDraft)).OrderBy(r => r.Id == final));

        // A representative may not, and nothing is drafted.
        var representative = await app.SignedInAsync(DemoUsers.Representative);
        Assert.Equal(HttpStatusCode.Forbidden, (await representative.PostAsync($"/api/funding/reports/{period}/draft", null)).StatusCode);
        var principal = await app.PrincipalAsync(DemoUsers.Representative);
        await Assert.ThrowsAsync<Alliance.Shared.Errors.ForbiddenException>(() => app.SendAsync(new DraftReportNow(period), principal));
        Assert.False(await app.FundingDbAsync(db => db.Reports.AnyAsync(r => r.ReportingPeriodId == period)));

        // The reports page offers "draft now" for the ended period; posting it drafts and opens the report.
        var client = await app.SignedInAsync(DemoUsers.Staff);
        var html = await client.GetStringAsync($"/funding/applications/{id}/reports");
        Assert.Contains($"id=\"draft-report-{period}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"id=\"draft-report-{final}\"", html, StringComparison.Ordinal);
        var posted = await client.PostAsync($"/funding/applications/{id}/reports", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = $"draft-report-{period}",
            ["__RequestVerificationToken"] = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value,
            ["Draft.Id"] = period.ToString(),
        }));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.EndsWith($"/funding/reports/{period}", posted.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var drafted = await app.SendAsync(new GetReport(period), staff);
        Assert.Equal(ReportState.Drafted, drafted.State);
        Assert.Equal(1_700.50m, drafted.Figures.Finance.Expenses);
        Assert.Contains($"id=\"open-report-{period}\"", await client.GetStringAsync($"/funding/applications/{id}/reports"), StringComparison.Ordinal);

        // Twice (and the job after it) make no second draft: 204, the first draft unchanged.
        var again = await client.PostAsync($"/api/funding/reports/{period}/draft", null);
        Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);
        Assert.Equal(0, await app.FundingDbAsync(db => db.Reports.CountAsync(r => r.ApplicationId == id && r.ReportingPeriodId != period)));
        await app.SendAsync(new DraftDueReports());
        Assert.Equal(1, await app.FundingDbAsync(db => db.Reports.CountAsync(r => r.ApplicationId == id)));
        Assert.Equal(drafted.DraftedAt, (await app.SendAsync(new GetReport(period), staff)).DraftedAt);

        // The final report's period runs: 409 with the reason; an unknown period: 404.
        var running = await client.PostAsync($"/api/funding/reports/{final}/draft", null);
        Assert.Equal(HttpStatusCode.Conflict, running.StatusCode);
        Assert.Contains("noch nicht zu Ende", await running.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/api/funding/reports/{Guid.NewGuid()}/draft", null)).StatusCode);
        Assert.False(await app.FundingDbAsync(db => db.Reports.AnyAsync(r => r.ReportingPeriodId == final)));
    }

    [Fact]
    public async Task A_withdrawn_approval_gets_no_report_drafted_now()
    {
        var staff = await app.StaffAsync();
        var organizations = await app.SendAsync(new GetActiveOrganizations());
        var (start, end) = (new DateOnly(LastYear, 1, 1), new DateOnly(LastYear + 1, 12, 31));
        var id = await app.SendAsync(new CreateApplication(await app.CreateCallAsync(), "Zurückgezogen nach Bescheid", null, organizations[0].Id, start, end), staff);
        await app.SendAsync(new SetBudgetLine(id, LastYear, "Staff", 50_000m), staff);
        await app.SendAsync(new ChangeApplicationStatus(id, ApplicationStatus.InternalReview, null, (await app.PageAsync(id)).Version), staff);
        await app.SendAsync(new ChangeApplicationStatus(id, ApplicationStatus.Submitted, null, (await app.PageAsync(id)).Version), staff);
        await app.SendAsync(new RecordApproval(id, false, [new GrantInput(LastYear, 40_000m)],
            [new ReportingPeriodInput(ReportKind.Interim, start, new DateOnly(LastYear, 12, 31), FundingTestData.Today.AddDays(30))],
            null, (await app.PageAsync(id)).Version), staff);
        await app.SendAsync(new ChangeApplicationStatus(id, ApplicationStatus.Withdrawn, "Verzicht", (await app.PageAsync(id)).Version), staff);
        var period = await app.FundingDbAsync(db => db.ReportingPeriods.Where(p => p.ApplicationId == id).Select(p => p.Id).SingleAsync());
        Assert.False((await app.SendAsync(new ListReports(id), staff)).Reports.Single().CanDraft);

        var client = await app.SignedInAsync(DemoUsers.Staff);
        await client.GetAsync("/culture/en?returnUrl=/");
        var refused = await client.PostAsync($"/api/funding/reports/{period}/draft", null);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("holds no grant", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await app.FundingDbAsync(db => db.Reports.AnyAsync(r => r.ApplicationId == id)));
    }

    [Fact]
    public async Task Representatives_reach_no_report()
    {
        var (id, period) = await RunningSinceLastYearAsync();
        await app.SendAsync(new DraftDueReports());
        var representative = await app.SignedInAsync(DemoUsers.Representative);

        Assert.Equal(HttpStatusCode.Forbidden, (await representative.GetAsync($"/api/funding/applications/{id}/reports")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await representative.GetAsync($"/api/funding/reports/{period}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await representative.GetAsync("/api/funding/reports/due")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await representative.PutAsJsonAsync($"/api/funding/reports/{period}/narrative", new { Goals = "x", Version = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await representative.PostAsync($"/api/funding/reports/{period}/refresh", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await representative.PostAsync($"/api/funding/reports/{period}/draft", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await representative.PostAsJsonAsync($"/api/funding/reports/{period}/submission", new { Version = 1 })).StatusCode);
        await Assert.ThrowsAsync<Alliance.Shared.Errors.ForbiddenException>(async () => await app.SendAsync(new GetReport(period), await app.PrincipalAsync(DemoUsers.Representative)));
        Assert.Null((await app.SendAsync(new GetReport(period), await app.StaffAsync())).Narrative.Goals);
    }

    /// <summary>
    /// A running project from 1 January last year to the end of this year with one work package, last year's budget
    /// (staff 50,000, material 10,000), grants of 40,000 a year, an interim report for last year (ended) and the final
    /// report; expenses of 1,500.50 + 200 last year and 300 this year, drawdowns of 5,000 last year and 3,000 this year.
    /// </summary>
    private async Task<(Guid Application, Guid InterimPeriod)> RunningSinceLastYearAsync()
    {
        var staff = await app.StaffAsync();
        var organizations = await app.SendAsync(new GetActiveOrganizations());
        var call = await app.CreateCallAsync();
        var (start, end) = (new DateOnly(LastYear, 1, 1), new DateOnly(LastYear + 1, 12, 31));
        var id = await app.SendAsync(new CreateApplication(call, "Allianz mit Bericht", null, organizations[0].Id, start, end), staff);
        await app.SendAsync(new SetBudgetLine(id, LastYear, "Staff", 50_000m), staff);
        await app.SendAsync(new SetBudgetLine(id, LastYear, "Material", 10_000m), staff);
        await app.SendAsync(new SetBudgetLine(id, LastYear + 1, "Staff", 50_000m), staff);
        await app.SendAsync(new AddWorkPackage(id, "Netzwerk", null), staff);
        await app.SendAsync(new ChangeApplicationStatus(id, ApplicationStatus.InternalReview, null, (await app.PageAsync(id)).Version), staff);
        await app.SendAsync(new ChangeApplicationStatus(id, ApplicationStatus.Submitted, null, (await app.PageAsync(id)).Version), staff);
        await app.SendAsync(new RecordApproval(id, false, [new GrantInput(LastYear, 40_000m), new GrantInput(LastYear + 1, 40_000m)],
            [new ReportingPeriodInput(ReportKind.Interim, start, new DateOnly(LastYear, 12, 31), FundingTestData.Today.AddDays(30)),
             new ReportingPeriodInput(ReportKind.Final, start, end, end.AddMonths(6))],
            null, (await app.PageAsync(id)).Version), staff);
        await app.SendAsync(new ChangeApplicationStatus(id, ApplicationStatus.Running, null, (await app.PageAsync(id)).Version), staff);
        await app.SendAsync(new RecordExpense(id, new DateOnly(LastYear, 3, 15), "Staff", 1_500.50m, "Gehalt", "B-1", null), staff);
        await app.SendAsync(new RecordExpense(id, new DateOnly(LastYear, 6, 1), "Material", 200m, "Catering", "B-2", null), staff);
        await app.SendAsync(new RecordExpense(id, new DateOnly(LastYear + 1, 1, 1), "Staff", 300m, "Gehalt dieses Jahr", "B-3", null), staff);
        await app.SendAsync(new RecordDrawdown(id, new DateOnly(LastYear, 2, 1), 5_000m), staff);
        await app.SendAsync(new RecordDrawdown(id, new DateOnly(LastYear + 1, 1, 2), 3_000m), staff);
        var period = await app.FundingDbAsync(db => db.ReportingPeriods.Where(p => p.ApplicationId == id && p.Kind == ReportKind.Interim).Select(p => p.Id).SingleAsync());
        return (id, period);
    }

    private static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Json);
}
