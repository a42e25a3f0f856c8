using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Alliance.Funding.Domain;
using Alliance.Funding.Resources;
using Alliance.Funding.Workflow;
using Alliance.Shared.Web;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Funding.Tests;

/// <summary>
/// The funding forms posted like a browser with empty and mistyped amounts, dates and years (docs/modules.md "Forms:
/// typed values are text"): every field's message at once, inline, in the page's language, the validator's too, no
/// English binder message, nothing stored. Amounts are read as the page's language writes them.
/// </summary>
[Collection(SharedAlliance.Collection)]
public sealed class FundingFormTests(AllianceApp app)
{
    /// <summary>An amount written the other language's way: refused, never misread by a factor of 1,000.</summary>
    private static string ForeignAmount(string language) => language == "de" ? "1,234.56" : "1.234,56";

    [Theory]
    [InlineData("de")]
    [InlineData("en")]
    public async Task The_call_form_reports_every_field_in_the_language(string language)
    {
        var m = FormPosts.Messages(language);
        using var client = await app.SignedInAsync(DemoUsers.Staff);
        await client.UseLanguageAsync(language);
        var calls = await app.FundingDbAsync(db => db.Calls.CountAsync());

        var page = await client.PostFormAsync("/funding/calls/new", "call-form", new Dictionary<string, string>
        {
            ["Input.Funder"] = "BMBF",
            ["Input.Programme"] = "Regionale Innovation",
            ["Input.Title"] = "",
            ["Input.SubmissionDeadline"] = "Ende Mai",
            ["Input.FundingRate"] = "achtzig",
            ["Input.MaxAmount"] = ForeignAmount(language),
            // 12 with leading zeros past the number fields' maxlength: refused, not read as 12.
            ["Input.FlatRate"] = new string('0', FormFields.NumberLength) + "12",
            ["Input.Preset"] = "FederalAzap",
        });

        Assert.Equal(m.NotADate, FormPosts.ErrorOf(page, "deadline"));
        Assert.Equal(m.NotALocalNumber, FormPosts.ErrorOf(page, "rate"));
        Assert.Equal(m.NotALocalNumber, FormPosts.ErrorOf(page, "max"));
        Assert.Equal(m.NotALocalNumber, FormPosts.ErrorOf(page, "flat-rate"));
        Assert.Equal(await app.TextAsync<FundingText>(language, "Field_Required"), FormPosts.ErrorOf(page, "title"));
        FormPosts.HasNoBinderMessage(page);
        Assert.Equal(calls, await app.FundingDbAsync(db => db.Calls.CountAsync()));
    }

    [Theory]
    [InlineData("de")]
    [InlineData("en")]
    public async Task The_application_form_reports_every_field_in_the_language(string language)
    {
        var m = FormPosts.Messages(language);
        var call = await app.CreateCallAsync($"Formular {language}");
        using var client = await app.SignedInAsync(DemoUsers.Staff);
        await client.UseLanguageAsync(language);
        var applications = await app.FundingDbAsync(db => db.Applications.CountAsync());

        var page = await client.PostFormAsync("/funding/applications/new", "application-form", new Dictionary<string, string>
        {
            ["Input.CallId"] = call.ToString(),
            ["Input.Title"] = "",
            ["Input.ApplicantOrganizationId"] = "",
            ["Input.ProjectStart"] = "",
            ["Input.ProjectEnd"] = $"{FundingTestData.Start.Year + 1}-13-01",
        });

        var required = await app.TextAsync<FundingText>(language, "Field_Required");
        Assert.Equal(required, FormPosts.ErrorOf(page, "start"));
        Assert.Equal(m.NotADate, FormPosts.ErrorOf(page, "end"));
        Assert.Equal(required, FormPosts.ErrorOf(page, "title"));
        FormPosts.HasNoBinderMessage(page);
        Assert.Equal(applications, await app.FundingDbAsync(db => db.Applications.CountAsync()));
    }

    [Fact]
    public async Task The_call_is_searched_among_open_calls_and_a_missing_call_is_reported_at_its_field()
    {
        var open = await app.CreateCallAsync("Suchaufruf Zukunftsfonds");
        await app.CreateCallAsync("Suchaufruf Vergangenheit", deadline: FundingTestData.Today.AddDays(-1));
        using var staff = await app.SignedInAsync(DemoUsers.Staff);

        // The picker's search: open calls only (the deadline passed yesterday is left out), matched in title, funder or programme.
        var found = await staff.GetFromJsonAsync<JsonElement>("/api/funding/calls/search?q=suchaufruf");
        var item = Assert.Single(found.GetProperty("items").EnumerateArray());
        Assert.Equal(open, item.GetProperty("id").GetGuid());
        Assert.StartsWith("BMBF · ", item.GetProperty("hint").GetString(), StringComparison.Ordinal);
        Assert.True((await staff.GetFromJsonAsync<JsonElement>("/api/funding/calls/search?q=Regionale%20Innovation")).GetProperty("totalCount").GetInt32() >= 1);
        using var representative = await app.SignedInAsync(DemoUsers.Representative);
        Assert.Equal(HttpStatusCode.Forbidden, (await representative.GetAsync("/api/funding/calls/search?q=Suchaufruf")).StatusCode);

        // The form names no call but the soonest open one (preselected) and says so when none was chosen.
        var form = WebUtility.HtmlDecode(await staff.GetStringAsync("/funding/applications/new"));
        Assert.DoesNotContain("Suchaufruf Zukunftsfonds", form, StringComparison.Ordinal);
        var applications = await app.FundingDbAsync(db => db.Applications.CountAsync());
        var page = await staff.PostFormAsync("/funding/applications/new", "application-form", new Dictionary<string, string>
        {
            ["Input.Title"] = "Ohne Aufruf",
        });
        Assert.Equal(FormPosts.Messages("de").Missing, FormPosts.ErrorOf(page, "call"));
        Assert.Equal(applications, await app.FundingDbAsync(db => db.Applications.CountAsync()));
    }

    [Theory]
    [InlineData("de")]
    [InlineData("en")]
    public async Task The_application_pages_forms_report_every_field_in_the_language_and_read_amounts_as_the_language_writes_them(string language)
    {
        var m = FormPosts.Messages(language);
        var required = await app.TextAsync<FundingText>(language, "Field_Required");
        var draft = await app.DraftWithBudgetAsync();
        var running = await app.DraftWithBudgetAsync();
        await app.RunAsync(running);
        using var client = await app.SignedInAsync(DemoUsers.Staff);
        await client.UseLanguageAsync(language);
        var draftUrl = $"/funding/applications/{draft}";
        var runningUrl = $"/funding/applications/{running}";
        async Task<(int, int, int, int, int, decimal)> StoredAsync() => await app.FundingDbAsync(async db => (
            await db.BudgetLines.CountAsync(), await db.MemberContributions.CountAsync(), await db.Milestones.CountAsync(),
            await db.Drawdowns.CountAsync(), await db.Expenses.CountAsync(), await db.Applications.Where(a => a.Id == draft).Select(a => a.CityContribution).SingleAsync()));
        var before = await StoredAsync();

        var budget = await client.PostFormAsync(draftUrl, "budget-line", new Dictionary<string, string>
        {
            ["Budget.Year"] = "zwanzig", ["Budget.Category"] = "", ["Budget.Amount"] = ForeignAmount(language),
        });
        Assert.Equal(m.NotAWholeNumber, FormPosts.ErrorOf(budget, "budget-year"));
        Assert.Equal(m.NotALocalNumber, FormPosts.ErrorOf(budget, "budget-amount"));
        Assert.Equal(required, FormPosts.ErrorOf(budget, "budget-category"));
        FormPosts.HasNoBinderMessage(budget);

        var city = await client.PostFormAsync(draftUrl, "city", new Dictionary<string, string> { ["City.Amount"] = "viel" });
        Assert.Equal(m.NotALocalNumber, FormPosts.ErrorOf(city, "city-amount"));

        var member = await client.PostFormAsync(draftUrl, "member", new Dictionary<string, string>
        {
            ["Member.OrganizationId"] = "", ["Member.Amount"] = "", ["Member.LetterOfIntent"] = "true", ["Member.LetterDate"] = "gestern",
        });
        Assert.Equal(required, FormPosts.ErrorOf(member, "member-organization"));
        Assert.Equal(required, FormPosts.ErrorOf(member, "member-amount"));
        Assert.Equal(m.NotADate, FormPosts.ErrorOf(member, "member-letter-date"));
        FormPosts.HasNoBinderMessage(member);

        var milestone = await client.PostFormAsync(draftUrl, "milestone", new Dictionary<string, string>
        {
            ["Milestone.Title"] = "", ["Milestone.Due"] = "31.12.2027", ["Milestone.WorkPackageId"] = "", ["Milestone.ResponsiblePersonId"] = "",
        });
        Assert.Equal(required, FormPosts.ErrorOf(milestone, "milestone-title"));
        Assert.Equal(m.NotADate, FormPosts.ErrorOf(milestone, "milestone-due"));

        var drawdown = await client.PostFormAsync(runningUrl, "drawdown", new Dictionary<string, string> { ["Draw.Date"] = "", ["Draw.Amount"] = "1.000.00" });
        Assert.Equal(required, FormPosts.ErrorOf(drawdown, "drawdown-date"));
        Assert.Equal(m.NotALocalNumber, FormPosts.ErrorOf(drawdown, "drawdown-amount"));

        var expense = await client.PostFormAsync(runningUrl, "expense", new Dictionary<string, string>
        {
            ["Spend.Date"] = "heute", ["Spend.Category"] = "Material", ["Spend.Amount"] = "", ["Spend.Description"] = "",
        });
        Assert.Equal(m.NotADate, FormPosts.ErrorOf(expense, "expense-date"));
        Assert.Equal(required, FormPosts.ErrorOf(expense, "expense-amount"));
        Assert.Equal(required, FormPosts.ErrorOf(expense, "expense-description"));
        FormPosts.HasNoBinderMessage(expense);

        Assert.Equal(before, await StoredAsync());

        // The page language's own way of writing an amount, thousands separator included, is read exactly.
        using var saved = await client.SubmitFormAsync(draftUrl, "city", new Dictionary<string, string> { ["City.Amount"] = language == "de" ? "1.234,56" : "1,234.56" });
        Assert.Equal(System.Net.HttpStatusCode.Found, saved.StatusCode);
        Assert.Equal(1_234.56m, await app.FundingDbAsync(db => db.Applications.Where(a => a.Id == draft).Select(a => a.CityContribution).SingleAsync()));
    }

    [Theory]
    [InlineData("de")]
    [InlineData("en")]
    public async Task The_approval_form_reports_each_grant_and_period_row_under_its_field(string language)
    {
        var m = FormPosts.Messages(language);
        var id = await app.DraftWithBudgetAsync();
        var staff = await app.StaffAsync();
        await app.SendAsync(new ChangeApplicationStatus(id, ApplicationStatus.InternalReview, null, (await app.PageAsync(id)).Version), staff);
        await app.SendAsync(new ChangeApplicationStatus(id, ApplicationStatus.Submitted, null, (await app.PageAsync(id)).Version), staff);
        using var client = await app.SignedInAsync(DemoUsers.Staff);
        await client.UseLanguageAsync(language);
        var year = FundingTestData.Start.Year;

        var page = await client.PostFormAsync($"/funding/applications/{id}/approval", "approval", new Dictionary<string, string>
        {
            ["Input.Partial"] = "false",
            ["Input.Grants[0].Amount"] = "viel",
            ["Input.Grants[1].Amount"] = language == "de" ? "40.000" : "40,000",
            ["Input.ReportingPeriods[0].Kind"] = "Interim",
            ["Input.ReportingPeriods[0].From"] = "",
            ["Input.ReportingPeriods[0].To"] = $"{year}-12-31",
            ["Input.ReportingPeriods[0].Due"] = $"{year + 1}-04-30",
            ["Input.ReportingPeriods[1].Kind"] = "Final",
            ["Input.ReportingPeriods[1].From"] = $"{year}-01-01",
            ["Input.ReportingPeriods[1].To"] = "Ende",
            ["Input.ReportingPeriods[1].Due"] = $"{year + 2}-06-30",
            ["Input.ReportingPeriods[2].Kind"] = "Interim",
            ["Input.ReportingPeriods[2].From"] = $"{year}-06-01",
            ["Input.ReportingPeriods[2].To"] = $"{year}-05-01",
            ["Input.ReportingPeriods[2].Due"] = $"{year}-07-01",
            ["Input.Version"] = (await app.PageAsync(id)).Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

        Assert.Equal(m.NotALocalNumber, FormPosts.ErrorOf(page, $"grant-{year}"));
        Assert.Equal("", FormPosts.ErrorOf(page, $"grant-{year + 1}"));
        Assert.Equal(m.Missing, FormPosts.ErrorOf(page, "period-from-0"));
        Assert.Equal(m.NotADate, FormPosts.ErrorOf(page, "period-to-1"));
        Assert.Equal(await app.TextAsync<FundingText>(language, "Period_EndBeforeStart"), FormPosts.ErrorOf(page, "period-to-2"));
        Assert.Equal("", FormPosts.ErrorOf(page, "period-from-3"));
        FormPosts.HasNoBinderMessage(page);
        Assert.Equal(ApplicationStatus.Submitted, (await app.PageAsync(id)).Status);
        Assert.Equal(0, await app.FundingDbAsync(db => db.Grants.CountAsync(g => g.ApplicationId == id)));
    }
}
