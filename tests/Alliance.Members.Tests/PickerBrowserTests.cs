using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Alliance.Members.Tests;

/// <summary>
/// The organisation picker on /people/new used with the keyboard only: with JavaScript as a typeahead (type, arrow
/// down, Enter), and in a second browser context without JavaScript as a search field with a "Search" button and a
/// plain select of the matches. Both save the chosen organisation.
/// </summary>
[Collection(SharedAlliance.Collection)]
public sealed class PickerBrowserTests(AllianceApp app, Browser browser) : IClassFixture<Browser>
{
    private async Task<IPage> StaffPageAsync(bool javaScript)
    {
        var context = await browser.Chromium.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString(),
            Locale = "de-DE",
            JavaScriptEnabled = javaScript,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.FillAsync("#email", DemoUsers.Staff);
        await page.FillAsync("#password", DemoUsers.Password);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(new Regex("/$"));
        return page;
    }

    private static async Task FillPersonAsync(IPage page, string lastName)
    {
        await page.FocusAsync("#firstName");
        await page.Keyboard.TypeAsync("Kai");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(lastName);
        await page.FocusAsync("#email");
        await page.Keyboard.TypeAsync($"{lastName.ToLowerInvariant()}@example.org");
    }

    [Fact]
    public async Task With_javascript_the_typeahead_is_used_with_arrow_keys_and_enter()
    {
        var page = await StaffPageAsync(javaScript: true);
        await page.GotoAsync("/people/new");
        await FillPersonAsync(page, "Tastatur");
        await page.FocusAsync("#organizationId-search");
        await page.Keyboard.TypeAsync("Tischl");
        await Assertions.Expect(page.Locator("#organizationId-list [role=option]")).ToHaveCountAsync(1);
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#organizationId-search")).ToHaveValueAsync("Tischlerei Hoffmann");
        await Assertions.Expect(page.Locator("#organizationId")).ToHaveValueAsync((await app.OrganizationIdAsync("Tischlerei Hoffmann")).ToString());
        await Browser.ScreenshotAsync(page, "picker-de-01-typeahead");
        await page.GetByRole(AriaRole.Button, new() { Name = "Anlegen" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(new Regex("/people/[0-9a-f-]{36}$"));
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Tischlerei Hoffmann");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Without_javascript_a_search_button_lists_the_matches_in_a_plain_select()
    {
        var page = await StaffPageAsync(javaScript: false);
        await page.GotoAsync("/people/new");
        await Assertions.Expect(page.Locator("#organizationId option")).ToHaveCountAsync(1);
        await FillPersonAsync(page, "Ohneskript");
        await page.FocusAsync("#organizationId-q");
        await page.Keyboard.TypeAsync("Tischl");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForLoadStateAsync();

        // The search did not save: the typed values are still there, the field says what was found.
        Assert.EndsWith("/people/new", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("#lastName")).ToHaveValueAsync("Ohneskript");
        await Assertions.Expect(page.Locator("#organizationId-error")).ToContainTextAsync("1 Treffer für „Tischl“");
        await Assertions.Expect(page.Locator("#organizationId option")).ToHaveCountAsync(2);
        await Browser.ScreenshotAsync(page, "picker-de-02-no-script-matches");
        await page.FocusAsync("#organizationId");
        await page.Keyboard.PressAsync("ArrowDown");
        await Assertions.Expect(page.Locator("#organizationId option:checked")).ToHaveTextAsync("Tischlerei Hoffmann");
        await page.GetByRole(AriaRole.Button, new() { Name = "Anlegen" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(new Regex("/people/[0-9a-f-]{36}$"));
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Tischlerei Hoffmann");
        await page.Context.CloseAsync();
    }
}
