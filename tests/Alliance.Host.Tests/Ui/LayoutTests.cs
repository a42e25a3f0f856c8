using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Alliance.Host.Tests.Ui;

/// <summary>
/// The shell on phones and desks, on paper and without JavaScript: collapsing navigation, no horizontal overflow at
/// 360 px, cards instead of tables, one current navigation link, focus that shows only where it helps, print view.
/// </summary>
[Collection(SharedAlliance.Collection)]
public sealed partial class LayoutTests(AllianceApp app, Browser browser) : IClassFixture<Browser>
{
    [Fact]
    public async Task On_a_phone_the_navigation_collapses_behind_a_menu_toggle_that_works_without_javascript()
    {
        var page = await UiPages.SignInWithoutScriptAsync(browser, app.BaseAddress, DemoUsers.Staff, width: 360);
        var organisations = page.Locator("header a.nav-link[href='/organizations']");
        var toggle = page.Locator("label[for=nav-toggle]");
        await Assertions.Expect(toggle).ToBeVisibleAsync();
        await Assertions.Expect(organisations).ToBeHiddenAsync();
        // Collapsed, the header is a single line, not 40 % of the screen.
        var header = await page.Locator("header").BoundingBoxAsync();
        Assert.True(header!.Height < 80, $"collapsed header is {header.Height}px high");

        await toggle.ClickAsync();
        await Assertions.Expect(organisations).ToBeVisibleAsync();
        await Browser.ScreenshotAsync(page, "layout-360-menu-open");
        await organisations.ClickAsync();
        await page.WaitForURLAsync("**/organizations");

        await page.SetViewportSizeAsync(1366, 900);
        await Assertions.Expect(toggle).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("header a.nav-link[href='/people']")).ToBeVisibleAsync();
    }

    /// <summary>Browser pages that load and photograph pages side by side.</summary>
    private const int PagesAtOnce = 3;

    [Fact]
    public async Task Key_pages_fit_a_360px_screen_and_are_photographed_at_360_and_1366_pixels()
    {
        var page = await UiPages.SignInAsync(browser, app.BaseAddress, DemoUsers.Staff, "de");
        var lab = await FirstLinkAsync(page, "/labs", LabLink());
        var meeting = await FirstLinkAsync(page, "/meetings", MeetingLink());
        var organisation = await FirstLinkAsync(page, "/organizations", OrganisationLink());
        var series = await FirstLinkAsync(page, "/meetings/series", SeriesLink());
        var pages = new (string Name, string Path)[]
        {
            ("dashboard", "/"), ("organisations", "/organizations"), ("organisation", organisation), ("people", "/people"),
            ("labs", "/labs"), ("lab", lab), ("proposals", "/labs/proposals"), ("needs", "/labs/needs"),
            ("meetings", "/meetings"), ("meeting", meeting), ("checkin", meeting + "/checkin"), ("minutes", meeting + "/minutes"),
            ("new-organisation", "/organizations/new"), ("new-meeting", "/meetings/new"), ("profile", "/account/profile"),
            ("series-list", "/meetings/series"), ("series", series), ("new-series", "/meetings/series/new"), ("edit-series", series + "/edit"),
            ("notifications", "/notifications"), ("notification-preferences", "/notifications/preferences"), ("lab-requests", "/labs/requests"),
            ("surveys", "/surveys"),
        };

        // Each page is loaded once, at 360 px: checked for overflow and photographed; then the window is widened to
        // 1366 px and it is photographed again (the layout follows the window's width, as in a resized window).
        // Three browser pages of the same context (same cookies) take turns: while one waits for the host, another is
        // laid out or photographed.
        var overflowing = new List<string>[PagesAtOnce];
        var browserPages = new List<IPage> { page };
        for (var i = 1; i < PagesAtOnce; i++)
        {
            browserPages.Add(await page.Context.NewPageAsync());
        }

        await Task.WhenAll(browserPages.Select(async (shown, i) =>
        {
            overflowing[i] = [];
            foreach (var (name, path) in pages.Where((_, index) => index % PagesAtOnce == i))
            {
                await shown.SetViewportSizeAsync(360, 900);
                await shown.GotoAsync(path);
                var widths = await shown.EvaluateAsync<int[]>("[document.documentElement.scrollWidth, window.innerWidth]");
                if (widths[0] > widths[1])
                {
                    var culprits = await shown.EvaluateAsync<string[]>(
                        "[...document.querySelectorAll('main *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)" +
                        ".slice(0, 3).map(e => e.tagName + '.' + e.className)");
                    overflowing[i].Add($"{path}: scrollWidth {widths[0]} > {widths[1]} ({string.Join(", ", culprits)})");
                }

                await Browser.ScreenshotAsync(shown, $"layout-360-{name}");
                await shown.SetViewportSizeAsync(1366, 900);
                await Browser.ScreenshotAsync(shown, $"layout-1366-{name}");
            }
        }));

        var wide = overflowing.SelectMany(list => list).ToList();
        Assert.True(wide.Count == 0, "pages wider than a 360px screen:\n" + string.Join("\n", wide));
    }

    [Fact]
    public async Task List_tables_become_labelled_cards_on_a_narrow_screen()
    {
        var page = await UiPages.SignInAsync(browser, app.BaseAddress, DemoUsers.Staff, "en", width: 360);
        await page.GotoAsync("/organizations");
        var firstRow = page.Locator("table.table-cards tbody tr").First;
        Assert.Equal("block", await firstRow.EvaluateAsync<string>("r => getComputedStyle(r).display"));
        Assert.False(await page.Locator("table.table-cards thead").IsVisibleAsync());
        // Each cell names its column (copied from the header), shown before the value.
        var label = await firstRow.Locator("td").First.GetAttributeAsync("data-label");
        Assert.False(string.IsNullOrWhiteSpace(label));
        var before = await firstRow.Locator("td").First.EvaluateAsync<string>("c => getComputedStyle(c, '::before').content");
        Assert.Contains(label!, before, StringComparison.Ordinal);

        await page.SetViewportSizeAsync(1366, 900);
        Assert.Equal("table-row", await firstRow.EvaluateAsync<string>("r => getComputedStyle(r).display"));
    }

    [Fact]
    public async Task On_a_sub_page_only_the_most_specific_navigation_link_is_current()
    {
        var page = await UiPages.SignInAsync(browser, app.BaseAddress, DemoUsers.Staff, "de");
        await page.GotoAsync("/labs/proposals");
        var current = page.Locator("header .nav-link.active");
        await Assertions.Expect(current).ToHaveCountAsync(1);
        Assert.Equal("/labs/proposals", await current.GetAttributeAsync("href"));
        Assert.Equal("page", await current.GetAttributeAsync("aria-current"));

        var lab = await FirstLinkAsync(page, "/labs", LabLink());
        await page.GotoAsync(lab);
        await Assertions.Expect(current).ToHaveCountAsync(1);
        Assert.Equal("/labs", await current.GetAttributeAsync("href"));

        await page.GotoAsync("/");
        await Assertions.Expect(current).ToHaveCountAsync(1);
        Assert.Equal("/", await current.GetAttributeAsync("href"));
    }

    [Theory]
    [InlineData(DemoUsers.Staff, true)]
    [InlineData(DemoUsers.Administrator, true)]
    [InlineData(DemoUsers.Representative, false)]
    public async Task The_api_documentation_link_shows_only_to_staff_and_administrators(string email, bool shown)
    {
        var page = await UiPages.SignInAsync(browser, app.BaseAddress, email, "de");
        Assert.Equal(shown ? 1 : 0, await page.Locator("header a[href='/api/docs']").CountAsync());
    }

    [Fact]
    public async Task The_heading_focused_after_navigation_gets_no_box_but_keyboard_focus_is_clearly_visible()
    {
        var page = await UiPages.SignInAsync(browser, app.BaseAddress, DemoUsers.Staff, "de");
        await page.GotoAsync("/labs");
        // After keyboard use, the h1 focused by script as Blazor's FocusOnNavigate does it (tabindex -1, focus())
        // would match :focus-visible: it must still get no box.
        await page.Keyboard.PressAsync("Tab");
        var heading = await page.EvaluateAsync<string[]>(
            "(() => { const h = document.querySelector('main h1'); h.setAttribute('tabindex', '-1'); h.focus(); " +
            "return [document.activeElement.tagName, getComputedStyle(h).outlineStyle, getComputedStyle(h).boxShadow]; })()");
        Assert.Equal(["H1", "none", "none"], heading);

        // The next Tab reaches a control, whose focus is drawn (3px solid).
        await page.Keyboard.PressAsync("Tab");
        var style = await page.EvaluateAsync<string[]>(
            "[document.activeElement.tagName, getComputedStyle(document.activeElement).outlineStyle, getComputedStyle(document.activeElement).outlineWidth]");
        Assert.NotEqual("H1", style[0]);
        Assert.Equal("solid", style[1]);
        Assert.Equal("3px", style[2]);
    }

    [Fact]
    public async Task The_print_view_of_minutes_and_the_check_in_list_has_no_navigation_buttons_or_forms()
    {
        var page = await UiPages.SignInAsync(browser, app.BaseAddress, DemoUsers.Staff, "de");
        var meeting = await FirstLinkAsync(page, "/meetings", MeetingLink());
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        foreach (var (name, path) in new[] { ("minutes", meeting + "/minutes"), ("checkin", meeting + "/checkin"), ("meeting", meeting) })
        {
            await page.GotoAsync(path);
            await Assertions.Expect(page.Locator("header")).ToBeHiddenAsync();
            await Assertions.Expect(page.Locator("main h1")).ToBeVisibleAsync();
            Assert.Equal(0, await VisibleCountAsync(page, "main button, main .btn, main form, nav"));
            await Browser.ScreenshotAsync(page, $"print-{name}");
        }

        // Tables print as tables (not as the phone's cards), with their header row.
        await page.GotoAsync(meeting + "/checkin");
        if (await page.Locator("table").CountAsync() > 0)
        {
            Assert.Equal("table-header-group", await page.Locator("table thead").First.EvaluateAsync<string>("h => getComputedStyle(h).display"));
        }
    }

    private static Task<int> VisibleCountAsync(IPage page, string selector) =>
        page.EvaluateAsync<int>($"[...document.querySelectorAll({System.Text.Json.JsonSerializer.Serialize(selector)})].filter(e => e.checkVisibility()).length");

    internal static async Task<string> FirstLinkAsync(IPage page, string list, Regex pattern)
    {
        await page.GotoAsync(list);
        var hrefs = await page.EvalOnSelectorAllAsync<string[]>("main a[href]", "links => links.map(a => a.getAttribute('href'))");
        return hrefs.First(h => pattern.IsMatch(h));
    }

    [GeneratedRegex("^/labs/[0-9a-f-]{36}$")]
    internal static partial Regex LabLink();

    [GeneratedRegex("^/meetings/[0-9a-f-]{36}$")]
    internal static partial Regex MeetingLink();

    [GeneratedRegex("^/meetings/series/[0-9a-f-]{36}$")]
    internal static partial Regex SeriesLink();

    [GeneratedRegex("^/organizations/[0-9a-f-]{36}$")]
    internal static partial Regex OrganisationLink();
}
