using System.Text.RegularExpressions;
using Alliance.Funding.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Alliance.Funding.Tests;

/// <summary>
/// Journey 7's office path in Chromium, in German and English, with screenshots: staff record a call (a missing title
/// is shown inline first), plan a draft's budget on its page and move it to internal review with a comment (asked
/// first, then in the history), and book an expense of the demo's running project (a missing description is shown
/// inline, then it is booked), attach a PDF to it and see it listed, open the project's due interim report and write
/// sections of its narrative; then an administrator (same page, signed in anew) exports the report for the funder in the
/// background and downloads the finished files, which are read back (German: XLSX with openpyxl and DOCX with
/// python-docx; English: PDF with pdftotext). Arithmetic, workflow rules and access are covered by the API tests.
/// </summary>
// Own host: the journey reads the demo's reports table as seeded.
public sealed class JourneyBrowserTests(AllianceApp app, Browser browser) : IClassFixture<AllianceApp>, IClassFixture<Browser>
{
    private static readonly Dictionary<string, Dictionary<string, string>> Words = new()
    {
        ["de"] = new() { ["required"] = "Bitte ausfüllen", ["created"] = "wurde erfasst", ["amount"] = "1.234,50 €", ["review"] = "Interne Prüfung", ["booked"] = "gebucht", ["narrative"] = "Texte wurden gespeichert", ["drafted"] = "Entwurf", ["done"] = "Fertig" },
        ["en"] = new() { ["required"] = "Please fill in", ["created"] = "was recorded", ["amount"] = "1,234.50 €", ["review"] = "Internal review", ["booked"] = "booked", ["narrative"] = "narrative was saved", ["drafted"] = "Drafted", ["done"] = "Done" },
    };

    /// <summary>What the administrator exports in each language: every kind of file once over both runs.</summary>
    private static readonly Dictionary<string, string[]> Exports = new()
    {
        ["de"] = ["NumericalProofXlsx", "NarrativeDocx"],
        ["en"] = ["NarrativePdf"],
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

        // A letter of intent as PDF, attached to the project and listed with its kind.
        await page.SelectOptionAsync("#document-kind", "LetterOfIntent");
        await page.SetInputFilesAsync("#document-file", new FilePayload { Name = $"Absichtserklaerung-J7{language}.pdf", MimeType = "application/pdf", Buffer = MinimalPdf });
        await SubmitAsync(page, () => page.ClickAsync("#upload-document"));
        Assert.Contains($"Absichtserklaerung-J7{language}.pdf", await page.InnerTextAsync("#document-list"), StringComparison.Ordinal);

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
        var report = page.Url[(page.Url.LastIndexOf('/') + 1)..];

        // The administrator exports for the funder: started in the background, downloaded when done, read back.
        await page.ClickAsync("form[action='/account/logout'] button");
        await page.WaitForURLAsync(new Regex("/account/login"));
        await SignInAsync(page, DemoUsers.Administrator, language);
        await page.GotoAsync($"/funding/applications/{running}");
        foreach (var kind in Exports[language])
        {
            await page.SelectOptionAsync("#export-kind", kind);
            await page.SelectOptionAsync("#export-report", kind.StartsWith("Narrative", StringComparison.Ordinal) ? report : "");
            await page.SelectOptionAsync("#export-language", language);
            await SubmitAsync(page, () => page.ClickAsync("#start-export"));
            // The page asks for the job's state and reloads once it is done; the newest export is the first row.
            var link = page.Locator("#export-list tbody tr").First.Locator(".export-download");
            await link.WaitForAsync(new LocatorWaitForOptions { Timeout = 90_000 });
            Assert.Contains(w["done"], await page.Locator("#export-list tbody tr").First.InnerTextAsync(), StringComparison.Ordinal);
            var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
            var file = await File.ReadAllBytesAsync(await download.PathAsync());
            await AssertReadsBackAsync(kind, download.SuggestedFilename, file, language);
        }

        await Browser.ScreenshotAsync(page, $"journey-7-{language}-05-exports");
    }

    /// <summary>Reads a downloaded export with a reader we did not write and finds what the journey put in.</summary>
    private static async Task AssertReadsBackAsync(string kind, string name, byte[] file, string language)
    {
        switch (kind)
        {
            case "NumericalProofXlsx":
                Assert.EndsWith(".xlsx", name, StringComparison.Ordinal);
                var cells = await FileReaders.OpenpyxlAsync(file);
                Assert.Equal(3, cells.Select(c => c.Sheet).Distinct().Count());
                Assert.Contains(cells, c => c.Value == $"Moderationskoffer J7{language}");
                break;
            case "NarrativeDocx":
                Assert.EndsWith(".docx", name, StringComparison.Ordinal);
                Assert.Contains($"Drei Reallabore arbeiten J7{language}", await FileReaders.DocxTextAsync(file), StringComparison.Ordinal);
                break;
            default:
                Assert.EndsWith(".pdf", name, StringComparison.Ordinal);
                Assert.Contains($"Drei Reallabore arbeiten J7{language}", await FileReaders.PdfTextAsync(file), StringComparison.Ordinal);
                break;
        }
    }

    /// <summary>A complete PDF (one empty page) of 1.2 MB, as a scanned letter of intent is: above the 1 MiB of other forms.</summary>
    private static readonly byte[] MinimalPdf = System.Text.Encoding.ASCII.GetBytes(
        "%PDF-1.4\n%" + new string('x', 1_200_000) + "\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
        "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

    private static Task SubmitAsync(IPage page, Func<Task> click) =>
        page.RunAndWaitForResponseAsync(click, r => r.Request.ResourceType == "document" && (r.Status < 300 || r.Status >= 400));

    private Task<IPage> SignInAsync(string email, string language) => browser.SignedInPageAsync(app.BaseAddress, email, language);

    private static async Task SignInAsync(IPage page, string email, string language)
    {
        await page.GotoAsync("/account/login");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", DemoUsers.Password);
        await page.ClickAsync("main form button[type=submit]");
        await page.WaitForURLAsync(new Regex("/$"));
        await page.GotoAsync($"/culture/{language}?returnUrl=/");
    }
}
