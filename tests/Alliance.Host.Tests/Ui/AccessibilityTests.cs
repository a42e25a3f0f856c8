using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Alliance.Host.Tests.Ui;

/// <summary>
/// BITV 2.0 / WCAG 2.1 AA: axe-core scans every kind of page a demo user reaches by links (in German; in English the
/// dashboard, the pages seen without signing in and the forms showing errors) and finds nothing. Also the states axe
/// cannot reach by links: a form showing validation errors. The same crawl checks that every text field of every form
/// takes no more than the server accepts (<see cref="UnlimitedFieldsAsync"/>).
/// </summary>
[Collection(SharedAlliance.Collection)]
public sealed class AccessibilityTests(AllianceApp app, Browser browser, ITestOutputHelper output)
    : IClassFixture<Browser>
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

    /// <summary>
    /// Browser pages of one signed-in context that load and scan pages at the same time: while one waits for the host,
    /// another is rendered or scanned (the German crawl took 126 s of CI's time one page at a time).
    /// </summary>
    private const int PagesAtOnce = 3;

    [Theory]
    [MemberData(nameof(RoleOrderPerLanguage))]
    public async Task Every_page_kind_the_demo_users_reach_has_no_wcag_21_aa_violations(string language, string[] roles)
    {
        var report = new StringBuilder();
        var scannedShapes = new HashSet<string>(StringComparer.Ordinal);
        var buttons = new List<string>();
        var unlimited = new List<string>();
        // German: every page kind; English: the dashboard (see RoleOrderPerLanguage).
        var scanAll = language == "de";
        foreach (var email in roles)
        {
            var page = await UiPages.SignInAsync(browser, app.BaseAddress, email, language);
            var scanned = new List<string>();
            var wrongLanguage = new List<string>();
            // A kind an earlier role has scanned is only read for its links (the dashboard differs by role). Pages of
            // one crawl are scanned side by side (PagesAtOnce), so the lists they fill are locked.
            var paths = await UiPages.CrawlAsync(page, render: path => path == "/" || (scanAll && !scannedShapes.Contains(UiPages.Shape(path))),
                parallel: PagesAtOnce,
                onPage: async (shown, path) =>
                {
                    lock (scannedShapes)
                    {
                        if (!scannedShapes.Add(UiPages.Shape(path)) && path != "/")
                        {
                            return;
                        }
                    }

                    Assert.Equal(language, await shown.Locator("html").GetAttributeAsync("lang"));
                    var violations = await ScanAsync(shown, $"{path} ({email})");
                    var problems = await DefaultButtonProblemsAsync(shown);
                    var fields = await UnlimitedFieldsAsync(shown);
                    lock (scannedShapes)
                    {
                        report.Append(violations);
                        buttons.AddRange(problems.Select(problem => $"{path} ({email}): {problem}"));
                        unlimited.AddRange(fields.Select(field => $"{path} ({email}): {field}"));
                        scanned.Add(UiPages.Shape(path));
                    }
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
        Assert.True(unlimited.Count == 0, "These form fields take any length of text (no maxlength), though the server refuses more than its limit:\n"
            + string.Join("\n", unlimited));
    }

    /// <summary>
    /// The fields of the page's forms a person types text into (text, e-mail, URL, phone, search and password inputs —
    /// an input without a type is a text input — and text areas) that carry no positive <c>maxlength</c>, by name (or
    /// id). Each must stop at the limit the server enforces for it (the module's <c>TextLimits</c>, <c>PersonLengths</c>,
    /// <c>AccountLengths</c>, <c>FormFields.NumberLength</c> for numbers typed as text), so nobody learns only after
    /// submitting that the text was too long; the picker script's search box stops at the search term's limit
    /// (<c>PickerLimits.TermLength</c>). Not counted: read-only fields (nobody types there).
    /// </summary>
    private static async Task<IReadOnlyList<string>> UnlimitedFieldsAsync(IPage page) =>
        await page.EvaluateAsync<string[]>("""
            () => [...document.forms].flatMap(form => [...form.elements]
                .filter(e => e.tagName === 'TEXTAREA'
                    || (e.tagName === 'INPUT' && ['text', 'email', 'url', 'tel', 'search', 'password'].includes(e.type)))
                .filter(e => !e.readOnly && !(e.maxLength > 0))
                .map(e => `${e.tagName.toLowerCase()} ${e.name || e.id || '(no name)'}`))
            """);

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
        var anonymous = await browser.NewPageAsync(app.BaseAddress, language == "de" ? "de-DE" : "en-GB");
        await anonymous.GotoAsync($"/culture/{language}?returnUrl=/account/login");
        // The crawl signs in first: the sign-in and reset forms' fields are checked here.
        var unlimited = new List<string>();
        var signedOut = ScanPagesAsync(anonymous, ["/account/login", "/account/forgot-password", "/gibt-es-nicht"], unlimited);

        // The forms side by side, each in its own browser page of the staff's context (same cookies).
        var staff = await UiPages.SignInAsync(browser, app.BaseAddress, DemoUsers.Staff, language);
        string[] forms = ["/organizations/new", "/people/new", "/labs/new", "/meetings/new", "/surveys/new"];
        var formReports = await Task.WhenAll(forms.Select(async (form, i) =>
        {
            var page = i == 0 ? staff : await staff.Context.NewPageAsync();
            await page.GotoAsync(form);
            Assert.Empty(await DefaultButtonProblemsAsync(page));
            await page.ClickAsync("main form button.btn-primary[type=submit]");
            await page.Locator(".validation-message").First.WaitForAsync();
            // The invalid fields say so and point at their message.
            var invalid = page.Locator("main [aria-invalid=true]");
            Assert.True(await invalid.CountAsync() > 0, $"{form}: no field is marked aria-invalid after an empty submit");
            // The shared script points each invalid field at its message once the page has loaded (Expect waits).
            for (var j = 0; j < await invalid.CountAsync(); j++)
            {
                await Assertions.Expect(invalid.Nth(j)).ToHaveAttributeAsync("aria-describedby", new Regex("-error"),
                    new() { Timeout = 10_000 });
            }

            return await ScanAsync(page, form + " (errors)");
        }));

        var report = await signedOut + string.Concat(formReports);

        // The scan finds what it should: a picture without a text alternative.
        await anonymous.SetContentAsync($"<!DOCTYPE html><html lang=\"{language}\"><head><title>Test</title></head><body><main><h1>Test</h1><img src=\"/favicon.png\"></main></body></html>");
        Assert.Contains("image-alt", await ScanAsync(anonymous, "a page with a picture without alt"), StringComparison.Ordinal);
        // The field check finds what it should: typed fields without a limit, not hidden, read-only or limited ones.
        await anonymous.SetContentAsync("""
            <form><input name="plain"><input type="email" name="mail" maxlength="0"><input type="password" name="secret">
            <textarea name="note"></textarea><textarea name="limited" maxlength="10"></textarea><input type="hidden" name="id">
            <input name="shown" readonly><input type="number" name="count"><div class="picker"><input id="x-search" maxlength="100"></div></form>
            <input name="outside">
            """);
        Assert.Equal(["input plain", "input mail", "input secret", "textarea note"], await UnlimitedFieldsAsync(anonymous));
        Assert.True(report.Length == 0, $"axe-core found WCAG 2.1 AA violations ({language}):\n{report}");
        Assert.True(unlimited.Count == 0, "These form fields take any length of text (no maxlength):\n" + string.Join("\n", unlimited));
    }

    /// <summary>
    /// Scans the pages one after another in <paramref name="page"/> (a 404 page included) and adds their text fields
    /// without a maxlength to <paramref name="unlimited"/>.
    /// </summary>
    private async Task<string> ScanPagesAsync(IPage page, IEnumerable<string> paths, List<string> unlimited)
    {
        var report = new StringBuilder();
        foreach (var path in paths)
        {
            if (new Uri(page.Url).AbsolutePath != path)
            {
                await page.GotoAsync(path);
            }

            report.Append(await ScanAsync(page, path == "/gibt-es-nicht" ? "404" : path));
            unlimited.AddRange((await UnlimitedFieldsAsync(page)).Select(field => $"{path}: {field}"));
        }

        return report.ToString();
    }

    /// <summary>
    /// axe-core as bundled with Deque.AxeCore (the engine and version its RunAxe methods inject, injected the same way:
    /// its source as a function body), then run on the whole document (<c>&lt;html&gt;</c> is axe's page context,
    /// page-level rules included) with the given options. It reports back only the number of rules that passed and
    /// what the report needs of the violations; the library's RunAxeLegacy sends every result node back as JSON to be
    /// read into objects (a third of each scan's time), and its RunAxe (frame by frame) opens a new browser page for
    /// every scan to merge the frames' results; these pages have no frames.
    /// </summary>
    private static readonly string AxeScan = "async options => {\n" + new BundledAxeScriptProvider().GetScript() + """

        ;
        const result = await window.axe.run(document.documentElement, JSON.parse(options));
        return {
            passes: result.passes.length,
            violations: result.violations.map(v => ({
                id: v.id, impact: v.impact ?? '', help: v.help, helpUrl: v.helpUrl,
                nodes: v.nodes.slice(0, 5).map(n => ({
                    target: JSON.stringify(n.target), html: n.html,
                    messages: [...n.any, ...n.all, ...n.none].map(c => c.message).filter(m => m),
                })),
            })),
        };
        }
        """;

    /// <summary>Runs axe-core (<see cref="Wcag21AA"/>) on the page and describes each violation; empty when there is none.</summary>
    private async Task<string> ScanAsync(IPage page, string name)
    {
        var result = (await page.EvaluateAsync<JsonElement>(AxeScan, Newtonsoft.Json.JsonConvert.SerializeObject(Wcag21AA)))
            .Deserialize<AxeSummary>(JsonSerializerOptions.Web)!;
        var text = new StringBuilder();
        if (result.Passes == 0)
        {
            // A scan that checked nothing (axe not run on the document) must not pass as "no violations".
            text.AppendLine($"{name}: axe-core reported no rule as passed: the scan did not run");
        }

        foreach (var violation in result.Violations)
        {
            text.AppendLine($"{name}: [{violation.Impact}] {violation.Id}: {violation.Help} ({violation.HelpUrl})");
            foreach (var node in violation.Nodes)
            {
                text.AppendLine($"    {node.Target}  {Shorten(node.Html)}");
                foreach (var message in node.Messages)
                {
                    text.AppendLine("      " + message.ReplaceLineEndings(" "));
                }
            }
        }

        if (text.Length > 0)
        {
            output.WriteLine(text.ToString());
        }

        return text.ToString();
    }

    private sealed record AxeSummary(int Passes, AxeViolation[] Violations);

    private sealed record AxeViolation(string Id, string Impact, string Help, string HelpUrl, AxeNode[] Nodes);

    private sealed record AxeNode(string Target, string Html, string[] Messages);

    private static string Shorten(string html) => html.Length <= 160 ? html : html[..160] + "…";
}
