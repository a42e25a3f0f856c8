using System.Text.RegularExpressions;
using Alliance.Surveys.Demo;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Alliance.Surveys.Tests;

/// <summary>
/// Journey 5 of domain.md in Chromium, in German and English, with screenshots: staff build a survey from the
/// template, add a question, look at the preview, choose the companies and publish; a representative answers through
/// the personal link from her mail without signing in (a conditional question appears after "submit"); staff see
/// the answer counted, and the demo's closed survey's results by partner group with their charts (axe-core: no
/// WCAG 2.1 AA violation). Reminders, closing, the figures and exports are covered by their own tests.
/// </summary>
[Collection(SharedAlliance.Collection)]
public sealed partial class JourneyBrowserTests(AllianceApp app, Browser browser) : IClassFixture<Browser>
{
    private static readonly Dictionary<string, Dictionary<string, string>> Words = new()
    {
        ["de"] = new()
        {
            ["yes"] = "Ja", ["no"] = "Nein", ["ems"] = "Umweltmanagementsystem (z. B.", ["plan"] = "Planen Sie", ["health"] = "betriebliches Gesundheitsmanagement",
            ["help"] = "Was würde Ihrem Unternehmen", ["more"] = "weitere Fragen", ["thanks"] = "Vielen Dank", ["company"] = "Unternehmen",
            ["answered"] = "1 von", ["draft"] = "Entwurf", ["running"] = "läuft", ["required"] = "Bitte beantworten", ["chart"] = "Frage 1:",
        },
        ["en"] = new()
        {
            ["yes"] = "Yes", ["no"] = "No", ["ems"] = "environmental management system (e.g.", ["plan"] = "Do you plan", ["health"] = "workplace health management",
            ["help"] = "What would help your company", ["more"] = "further questions", ["thanks"] = "Thank you", ["company"] = "Company",
            ["answered"] = "1 of", ["draft"] = "Draft", ["running"] = "running", ["required"] = "Please answer", ["chart"] = "Question 1:",
        },
    };

    [Theory]
    [InlineData("de")]
    [InlineData("en")]
    public async Task Journey_5_build_publish_and_answer_through_the_personal_link(string language)
    {
        var w = Words[language];
        var marker = $"J5{language}";
        var staff = await SignInAsync(DemoUsers.Staff, language);

        // From the template, with titles of our own.
        await staff.GotoAsync("/surveys/new");
        await staff.CheckAsync("#template-environment-health");
        await staff.FillAsync("#title-de", $"Unternehmensbefragung Umwelt- und Gesundheitsmanagement {marker}");
        await staff.FillAsync("#title-en", $"Company survey on environmental and health management {marker}");
        await Browser.ScreenshotAsync(staff, $"journey-5-{language}-01-new-survey");
        await SubmitAsync(staff, () => staff.ClickAsync("#create-survey"));
        Assert.Matches(SurveyUrl(), staff.Url);
        var surveyId = Guid.Parse(SurveyUrl().Match(staff.Url).Groups[1].Value);
        Assert.Contains(w["draft"], await staff.InnerTextAsync("#survey-status"), StringComparison.Ordinal);

        // One more question at the end of the last section: a scale.
        await staff.ClickAsync("#add-question-3");
        await staff.SelectOptionAsync("#kind", "Scale");
        await staff.FillAsync("#text-de", "Wie wichtig ist Ihnen Mobilität im Betrieb?");
        await staff.FillAsync("#text-en", "How important is mobility at work to you?");
        await staff.FillAsync("#scale-min", "1");
        await staff.FillAsync("#scale-max", "5");
        await SubmitAsync(staff, () => staff.ClickAsync("#save-question"));
        Assert.Matches(SurveyUrl(), staff.Url);
        Assert.Contains(language == "de" ? "Mobilität im Betrieb" : "mobility at work", await staff.InnerTextAsync("main"), StringComparison.Ordinal);

        // The preview is the respondents' page.
        await staff.ClickAsync("#preview");
        await staff.WaitForSelectorAsync("#preview-note");
        Assert.Equal(0, await staff.Locator($".question:has-text('{w["plan"]}')").CountAsync());
        await Browser.ScreenshotAsync(staff, $"journey-5-{language}-02-preview");

        // All companies.
        await staff.GotoAsync($"/surveys/{surveyId}/audience");
        await staff.CheckAsync("#by-attributes");
        await staff.SelectOptionAsync("#partner-groups", ["Company"]);
        await SubmitAsync(staff, () => staff.ClickAsync("#save-audience"));
        Assert.Contains(w["company"], await staff.InnerTextAsync("#audience-summary"), StringComparison.Ordinal);

        await staff.ClickAsync("#publish");
        await SubmitAsync(staff, () => staff.ClickAsync("#publish-confirm"));
        Assert.Contains(w["running"], await staff.InnerTextAsync("#survey-status"), StringComparison.Ordinal);
        await Browser.ScreenshotAsync(staff, $"journey-5-{language}-03-published");

        // Mr Brandt (Modehaus Brandt) gets his personal link by mail and answers without signing in.
        var mail = await app.WaitForMailAsync(DemoUsers.Representative, marker);
        var link = LinkInMail().Match(mail.TextBody).Value;
        Assert.False(string.IsNullOrEmpty(link), mail.TextBody);
        var respondent = await browser.NewPageAsync(app.BaseAddress, language == "de" ? "de-DE" : "en-GB");
        await respondent.GotoAsync($"/culture/{language}?returnUrl={Uri.EscapeDataString(new Uri(link).PathAndQuery)}");
        Assert.Contains(marker, await respondent.InnerTextAsync("h1"), StringComparison.Ordinal);
        await Browser.ScreenshotAsync(respondent, $"journey-5-{language}-04-personal-link");

        await respondent.Locator($".question:has-text('{w["ems"]}')").GetByLabel(w["no"], new() { Exact = true }).CheckAsync();
        await respondent.Locator($".question:has-text('{w["health"]}')").GetByLabel(w["yes"], new() { Exact = true }).CheckAsync();
        await respondent.Locator($".question:has-text('{w["help"]}') textarea").FillAsync("Austausch mit anderen Betrieben.");
        // "No" shows the question about plans: the server shows it first instead of submitting.
        await SubmitAsync(respondent, () => respondent.ClickAsync("#answer-submit"));
        Assert.Contains(w["more"], await respondent.InnerTextAsync("#answer-message"), StringComparison.Ordinal);
        var plan = respondent.Locator($".question:has-text('{w["plan"]}')");
        Assert.Equal(1, await plan.CountAsync());
        await Browser.ScreenshotAsync(respondent, $"journey-5-{language}-05-conditional-question");
        await plan.GetByLabel(w["yes"], new() { Exact = true }).CheckAsync();
        await SubmitAsync(respondent, () => respondent.ClickAsync("#answer-submit"));
        Assert.Contains(w["thanks"], await respondent.InnerTextAsync("#answer-thanks"), StringComparison.Ordinal);
        await Browser.ScreenshotAsync(respondent, $"journey-5-{language}-06-thanks");

        // Staff see the answer counted.
        await staff.GotoAsync($"/surveys/{surveyId}");
        Assert.Contains(w["answered"], await staff.InnerTextAsync("#survey-figures"), StringComparison.Ordinal);
        await Browser.ScreenshotAsync(staff, $"journey-5-{language}-07-counted");

        // The results of the demo's closed survey, by partner group: charts with captions and data tables.
        var closed = await app.SurveysDbAsync(db => db.Surveys.Where(s => s.TitleDe == SurveysDemoSeeder.ClosedSurvey && s.Status == Alliance.Surveys.Domain.SurveyStatus.Closed)
            .Select(s => s.Id).FirstAsync());
        await staff.GotoAsync($"/surveys/{closed}/results?breakdown=PartnerGroup");
        Assert.True(await staff.Locator("figure.chart img").CountAsync() >= 2);
        Assert.Contains(w["chart"], await staff.InnerTextAsync("#chart-1 figcaption"), StringComparison.Ordinal);
        Assert.Contains($"/api/surveys/{closed}/results.pdf", await staff.GetAttributeAsync("#results-pdf", "href") ?? "", StringComparison.Ordinal);
        await Browser.ScreenshotAsync(staff, $"journey-5-{language}-08-results-charts");
        // axe.run in the page itself (<html> is axe's page context): RunAxe opens a new browser page for every
        // scan to merge frame results; these pages have no frames. "Legacy" is axe's name for this mode.
#pragma warning disable CS0618
        var axe = await staff.Locator("html").RunAxeLegacy(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
            ResultTypes = [ResultType.Violations],
        });
#pragma warning restore CS0618
        Assert.True(!axe.Violations.Any(),
            string.Join("\n", axe.Violations.Select(v => $"{v.Id}: {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Target.ToString()))}")));
    }

    /// <summary>Clicks a submit button and waits for the page that comes back (after the redirect, or with the errors).</summary>
    private static Task SubmitAsync(IPage page, Func<Task> click) =>
        page.RunAndWaitForResponseAsync(click, r => r.Request.ResourceType == "document" && (r.Status < 300 || r.Status >= 400));

    private Task<IPage> SignInAsync(string email, string language) => browser.SignedInPageAsync(app.BaseAddress, email, language);

    [GeneratedRegex("/surveys/([0-9a-f-]{36})$")]
    private static partial Regex SurveyUrl();

    [GeneratedRegex(@"https?://\S+/s/[A-Za-z0-9_-]+")]
    private static partial Regex LinkInMail();
}
