using System.Text;
using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Alliance.Host.Tests.Ui;

/// <summary>
/// BITV 2.0 / WCAG 2.1 AA: axe-core scans every kind of page a demo user reaches by links (in German; in English the
/// dashboard, the pages seen without signing in and the forms showing errors) and finds nothing. Also the states axe
/// cannot reach by links: a form showing validation errors.
/// </summary>
public sealed class AccessibilityTests(AllianceApp app, Browser browser, ITestOutputHelper output)
    : IClassFixture<AllianceApp>, IClassFixture<Browser>
{
    private static readonly AxeRunOptions Wcag21AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        // Only violations are read: axe then does not collect and serialise every passing node of the page.
        ResultTypes = [ResultType.Violations],
    };

    /// <summary>
    /// The roles in the order they crawl, per language. Each route shape is scanned once: the first role to reach it
    /// scans it, later roles only crawl to find the shapes the earlier ones cannot reach (the dashboard, which differs
    /// by role, is scanned for every role). In German the administrator goes first, so every page kind is scanned with
    /// all management actions, then the staff's and the representative's own kinds (join forms, own action items).
    /// In English the representative crawls every page she reaches and each must say lang="en", but only her
    /// dashboard is scanned: axe-core's WCAG rules judge markup and styles, which do not change with the language (the
    /// texts tests check that every text exists in both languages; the English sign-in, 404 and form-error pages are
    /// scanned by the test below). Scanning her pages a second time in English cost about a minute of CI's 15, and
    /// the staff's and administrator's a further two.
    /// </summary>
    public static TheoryData<string, string[]> RoleOrderPerLanguage => new()
    {
        { "de", [DemoUsers.Administrator, DemoUsers.Staff, DemoUsers.Representative] },
        { "en", [DemoUsers.Representative] },
    };

    [Theory]
    [MemberData(nameof(RoleOrderPerLanguage))]
    public async Task Every_page_kind_the_demo_users_reach_has_no_wcag_21_aa_violations(string language, string[] roles)
    {
        var report = new StringBuilder();
        var scannedShapes = new HashSet<string>(StringComparer.Ordinal);
        var buttons = new List<string>();
        // German: every page kind; English: the dashboard (see RoleOrderPerLanguage).
        var scanAll = language == "de";
        foreach (var email in roles)
        {
            var page = await UiPages.SignInAsync(browser, app.BaseAddress, email, language);
            var scanned = new List<string>();
            var wrongLanguage = new List<string>();
            // A kind an earlier role has scanned is only read for its links (the dashboard differs by role).
            var paths = await UiPages.CrawlAsync(page, render: path => path == "/" || (scanAll && !scannedShapes.Contains(UiPages.Shape(path))),
                onPage: async path =>
                {
                    if (!scannedShapes.Add(UiPages.Shape(path)) && path != "/")
                    {
                        return;
                    }

                    Assert.Equal(language, await page.Locator("html").GetAttributeAsync("lang"));
                    report.Append(await ScanAsync(page, $"{path} ({email})"));
                    buttons.AddRange((await DefaultButtonProblemsAsync(page)).Select(problem => $"{path} ({email}): {problem}"));
                    scanned.Add(UiPages.Shape(path));
                },
                onFetched: (path, html) =>
                {
                    if (!html.Contains($"<html lang=\"{language}\"", StringComparison.Ordinal))
                    {
                        wrongLanguage.Add(path);
                    }
                });
            Assert.True(paths.Count >= 10, $"the crawl for {email} found only {paths.Count} pages: {string.Join(", ", paths)}");
            Assert.True(wrongLanguage.Count == 0, $"pages not marked lang=\"{language}\" for {email}: {string.Join(", ", wrongLanguage)}");
            output.WriteLine($"{email}: {paths.Count} pages, scanned {scanned.Count}: {string.Join(", ", scanned)}");
            await page.CloseAsync();
        }

        Assert.True(report.Length == 0, $"axe-core found WCAG 2.1 AA violations ({language}):\n{report}");
        Assert.True(buttons.Count == 0, "Enter in these forms does not press the primary button:\n" + string.Join("\n", buttons));
    }

    /// <summary>
    /// Enter in a text field presses the form's first submit button in document order (HTML implicit submission). In
    /// every form with more than one submit button that must be the primary action: the visible primary button
    /// (<c>btn-primary</c>) itself, or a hidden <c>DefaultSubmit</c> copy of it (same name and value) placed first, or a
    /// button the page marks as the deliberate default (<c>data-default-button</c>, e.g. "save for later" before a
    /// final "send").
    /// </summary>
    private static async Task<IReadOnlyList<string>> DefaultButtonProblemsAsync(IPage page) =>
        await page.EvaluateAsync<string[]>("""
            () => [...document.forms].flatMap(form => {
                const submits = [...form.elements].filter(e => (e.tagName === 'BUTTON' || e.tagName === 'INPUT') && e.type === 'submit');
                if (submits.length < 2) return [];
                const first = submits[0];
                const name = `form ${form.id || form.getAttribute('name') || form.getAttribute('action') || ''}`.trim();
                if (first.classList.contains('visually-hidden')) {
                    const same = submits.slice(1).some(b => b.classList.contains('btn-primary') && b.name === first.name && b.value === first.value);
                    return first.hasAttribute('data-default-button') && same ? [] : [`${name}: the hidden first button does not do what the primary button does`];
                }
                return first.classList.contains('btn-primary') || first.hasAttribute('data-default-button')
                    ? [] : [`${name}: Enter presses “${first.textContent.trim()}”, not the primary button`];
            })
            """);

    [Theory]
    [InlineData("de")]
    [InlineData("en")]
    public async Task Pages_seen_without_signing_in_and_forms_showing_errors_have_no_violations(string language)
    {
        var report = new StringBuilder();
        var anonymous = await browser.NewPageAsync(app.BaseAddress, language == "de" ? "de-DE" : "en-GB");
        await anonymous.GotoAsync($"/culture/{language}?returnUrl=/account/login");
        report.Append(await ScanAsync(anonymous, "/account/login"));
        await anonymous.GotoAsync("/account/forgot-password");
        report.Append(await ScanAsync(anonymous, "/account/forgot-password"));
        await anonymous.GotoAsync("/gibt-es-nicht");
        report.Append(await ScanAsync(anonymous, "404"));

        var staff = await UiPages.SignInAsync(browser, app.BaseAddress, DemoUsers.Staff, language);
        foreach (var form in new[] { "/organizations/new", "/people/new", "/labs/new", "/meetings/new", "/surveys/new" })
        {
            await staff.GotoAsync(form);
            Assert.Empty(await DefaultButtonProblemsAsync(staff));
            await staff.ClickAsync("main form button.btn-primary[type=submit]");
            await staff.Locator(".validation-message").First.WaitForAsync();
            // The invalid fields say so and point at their message.
            var invalid = staff.Locator("main [aria-invalid=true]");
            Assert.True(await invalid.CountAsync() > 0, $"{form}: no field is marked aria-invalid after an empty submit");
            // The shared script points each invalid field at its message once the page has loaded (Expect waits).
            for (var i = 0; i < await invalid.CountAsync(); i++)
            {
                await Assertions.Expect(invalid.Nth(i)).ToHaveAttributeAsync("aria-describedby", new Regex("-error"),
                    new() { Timeout = 10_000 });
            }

            report.Append(await ScanAsync(staff, form + " (errors)"));
        }

        Assert.True(report.Length == 0, $"axe-core found WCAG 2.1 AA violations ({language}):\n{report}");
    }

    private async Task<string> ScanAsync(IPage page, string name)
    {
        // axe.run on the whole document (<html> is axe's page context, page-level rules included), in the page itself:
        // RunAxe (axe's frame-by-frame mode) opens a new browser page for every scan to merge the frames' results,
        // most of each scan's time here; the pages have no frames to merge ("legacy" is axe's name for this mode).
#pragma warning disable CS0618
        var result = await page.Locator("html").RunAxeLegacy(Wcag21AA);
#pragma warning restore CS0618
        var text = new StringBuilder();
        if (result.Passes.Length == 0)
        {
            // A scan that checked nothing (axe not run on the document) must not pass as "no violations".
            text.AppendLine($"{name}: axe-core reported no rule as passed: the scan did not run");
        }

        foreach (var violation in result.Violations)
        {
            text.AppendLine($"{name}: [{violation.Impact}] {violation.Id}: {violation.Help} ({violation.HelpUrl})");
            foreach (var node in violation.Nodes.Take(5))
            {
                text.AppendLine($"    {node.Target}  {Shorten(node.Html)}");
                foreach (var check in node.Any.Concat(node.All).Concat(node.None).Where(c => !string.IsNullOrEmpty(c.Message)))
                {
                    text.AppendLine("      " + check.Message.ReplaceLineEndings(" "));
                }
            }
        }

        if (text.Length > 0)
        {
            output.WriteLine(text.ToString());
        }

        return text.ToString();
    }

    private static string Shorten(string html) => html.Length <= 160 ? html : html[..160] + "…";
}
