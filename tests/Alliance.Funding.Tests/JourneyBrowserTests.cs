using System.Text.RegularExpressions;
using Alliance.Funding.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Alliance.Funding.Tests;

/// <summary>
/// Journey 7's office path in Chromium, in German and English, with screenshots: staff record a call (a missing title
/// is shown inline first), plan a draft's budget on its page and move it to internal review with a comment (asked
/// first, then in the history), and book an expense of the demo's running project (a missing description is shown
/// inline, then it is booked), and write a section of the project's drafted interim report. Arithmetic, workflow rules and access are covered by the API tests.
/// </summary>
public sealed class JourneyBrowserTests(AllianceApp app, Browser browser) : IClassFixture<AllianceApp>, IClassFixture<Browser>
{
    private static readonly Dictionary<string, Dictionary<string, string>> Words = new()
    {
        ["de"] = new() { ["required"] = "Bitte ausfüllen", ["created"] = "wurde erfasst", ["amount"] = "1.234,50 €", ["review"] = "Interne Prüfung", ["booked"] = "gebucht", ["narrative"] = "Texte wurden gespeichert", ["drafted"] = "Entwurf" },
        ["en"] = new() { ["required"] = "Please fill in", ["created"] = "was recorded", ["amount"] = "1,234.50 €", ["review"] = "Internal review", ["booked"] = "booked", ["narrative"] = "narrative was saved", ["drafted"] = "Drafted" },
    };

    [Theory]
    [InlineData("de")]
    [InlineData("en")]
    public async Task Journey_7_record_a_call_plan_a_draft_and_book_an_expense(string language)
    {
        var w = Words[language];
        var page = await SignInAsync(DemoUsers.Staff, language);

        // The call: first without a title, then complete.
        await page.GotoAsync("/funding/calls/new");
        await page.FillAsync("#funder", "BMBF");
        await page.FillAsync("#programme", "Regionale Innovationsnetzwerke");
        await page.FillAsync("#deadline", FundingTestData.Today.AddDays(50).ToString("yyyy-MM-dd"));
        await page.FillAsync("#rate", "80");
        await SubmitAsync(page, () => page.ClickAsync("#save-call"));
        Assert.Contains(w["required"], await page.InnerTextAsync("main"), StringComparison.Ordinal);
        await page.FillAsync("#title", $"Anschlussfinanzierung J7{language}");
        await Browser.ScreenshotAsync(page, $"journey-7-{language}-01-call");
        await SubmitAsync(page, () => page.ClickAsync("#save-call"));
        Assert.EndsWith("/funding", page.Url, StringComparison.Ordinal);
        Assert.Contains(w["created"], await page.InnerTextAsync("[role=status]"), StringComparison.Ordinal);
        Assert.Contains($"Anschlussfinanzierung J7{language}", await page.InnerTextAsync("#calls"), StringComparison.Ordinal);

        // A draft's budget line and the step to internal review.
        var draft = await app.DraftWithBudgetAsync();
        await page.GotoAsync($"/funding/applications/{draft}");
        await page.SelectOptionAsync("#budget-category", "Travel");
        await page.FillAsync("#budget-amount", "1234.50");
        await SubmitAsync(page, () => page.ClickAsync("#save-budget-line"));
        Assert.Contains(w["amount"], await page.InnerTextAsync("#budget"), StringComparison.Ordinal);
        await page.SelectOptionAsync("#step-to", "InternalReview");
        await page.FillAsync("#step-comment", "Bitte Kostenplan prüfen");
        await page.ClickAsync("#change-status");
        await SubmitAsync(page, () => page.ClickAsync("#change-status-confirm"));
        Assert.Contains("Bitte Kostenplan prüfen", await page.InnerTextAsync("#audit-trail"), StringComparison.Ordinal);
        Assert.Contains(w["review"], await page.InnerTextAsync("#overview-heading + dl"), StringComparison.Ordinal);
        await Browser.ScreenshotAsync(page, $"journey-7-{language}-02-application");

        // An expense of the running demo project.
        var running = await app.FundingDbAsync(db => db.Applications.Where(a => a.Title == FundingDemoSeeder.RunningProject).Select(a => a.Id).SingleAsync());
        await page.GotoAsync($"/funding/applications/{running}");
        await page.FillAsync("#expense-date", FundingTestData.Today.ToString("yyyy-MM-dd"));
        await page.SelectOptionAsync("#expense-category", "Material");
        await page.FillAsync("#expense-amount", "89.90");
        await SubmitAsync(page, () => page.ClickAsync("#add-expense"));
        Assert.Contains(w["required"], await page.InnerTextAsync("main"), StringComparison.Ordinal);
        await page.FillAsync("#expense-description", $"Moderationskoffer J7{language}");
        await SubmitAsync(page, () => page.ClickAsync("#add-expense"));
        Assert.Contains(w["booked"], await page.InnerTextAsync("[role=status]"), StringComparison.Ordinal);
        Assert.Contains($"Moderationskoffer J7{language}", await page.InnerTextAsync("#expenses"), StringComparison.Ordinal);
        await Browser.ScreenshotAsync(page, $"journey-7-{language}-03-expenses");

        // The project's drafted interim report: its figures and chart, and a section of the narrative.
        await page.ClickAsync("#reports-link");
        Assert.Contains(w["drafted"], await page.InnerTextAsync("#reports"), StringComparison.Ordinal);
        await page.ClickAsync("#reports a[id^=open-report-]");
        Assert.NotNull(await page.QuerySelectorAsync("#chart-partner-groups img"));
        await page.FillAsync("#narrative-wp-1", $"Drei Reallabore gegründet J7{language}");
        await page.FillAsync("#narrative-results", $"Drei Reallabore arbeiten J7{language}");
        await SubmitAsync(page, () => page.ClickAsync("#save-narrative"));
        Assert.Contains(w["narrative"], await page.InnerTextAsync("[role=status]"), StringComparison.Ordinal);
        Assert.Equal($"Drei Reallabore arbeiten J7{language}", await page.InputValueAsync("#narrative-results"));
        Assert.Equal($"Drei Reallabore gegründet J7{language}", await page.InputValueAsync("#narrative-wp-1"));
        await Browser.ScreenshotAsync(page, $"journey-7-{language}-04-report");
    }

    private static Task SubmitAsync(IPage page, Func<Task> click) =>
        page.RunAndWaitForResponseAsync(click, r => r.Request.ResourceType == "document" && (r.Status < 300 || r.Status >= 400));

    private async Task<IPage> SignInAsync(string email, string language)
    {
        var page = await browser.NewPageAsync(app.BaseAddress, language == "de" ? "de-DE" : "en-GB");
        await page.GotoAsync("/account/login");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", DemoUsers.Password);
        await page.ClickAsync("main form button[type=submit]");
        await page.WaitForURLAsync(new Regex("/$"));
        await page.GotoAsync($"/culture/{language}?returnUrl=/");
        return page;
    }
}
