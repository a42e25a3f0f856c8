using System.Text.RegularExpressions;
using Alliance.Shared.Localization;
using Microsoft.Playwright;

namespace Alliance.Members.Tests;

/// <summary>
/// The organisation picker on /people/new used with the keyboard only: with JavaScript as a typeahead (type, arrow
/// down, Enter), and in a second browser context without JavaScript as a search field with a "Search" button and a
/// plain select of the matches. Both save the chosen organisation. The typeahead's box takes no longer term than the
/// server and its live region says what a search gave — too few characters, matches, a refused term, a failed search,
/// signed out — in
/// German and English; without JavaScript the field marked invalid points at its visible message.
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
        // Marked invalid (the search is not a save), so the select and the search box name the visible message.
        await Assertions.Expect(page.Locator("#organizationId")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.Locator("#organizationId")).ToHaveAttributeAsync("aria-describedby", "organizationId-error");
        await Assertions.Expect(page.Locator("#organizationId-q")).ToHaveAttributeAsync("aria-describedby", "organizationId-error organizationId-search-help");
        await Assertions.Expect(page.Locator("#organizationId-q")).ToHaveAttributeAsync("maxlength", "100");
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

    [Theory]
    [InlineData("de", "Bitte mindestens 2 Zeichen eingeben.", "1 Treffer", "Keine Treffer",
        "Sie sind nicht mehr angemeldet. Bitte laden Sie die Seite neu und melden Sie sich an.")]
    [InlineData("en", "Type at least 2 characters.", "1 match", "No matches",
        "You are no longer signed in. Please reload the page and sign in.")]
    public async Task The_typeahead_says_what_each_search_gave_and_takes_no_longer_term_than_the_server(
        string language, string tooShort, string oneMatch, string none, string signedOut)
    {
        var page = await browser.SignedInPageAsync(app.BaseAddress, DemoUsers.Staff, language, "/people/new");
        var box = page.Locator("#organizationId-search");
        var status = page.Locator("#organizationId-status");
        await Assertions.Expect(box).ToHaveAttributeAsync("maxlength", "100");
        await Assertions.Expect(status).ToHaveAttributeAsync("aria-live", "polite");

        // One character: no request, a hint instead of "no matches"; then a real match, counted in the singular.
        await box.FocusAsync();
        await page.Keyboard.TypeAsync("T");
        await Assertions.Expect(status).ToHaveTextAsync(tooShort);
        await Assertions.Expect(page.Locator("#organizationId-list")).ToBeHiddenAsync();
        await Browser.ScreenshotAsync(page, $"picker-{language}-03-too-short");
        await page.Keyboard.TypeAsync("ischl");
        await Assertions.Expect(status).ToHaveTextAsync(oneMatch);
        await Assertions.Expect(page.Locator("#organizationId-list [role=option]")).ToHaveCountAsync(1);

        // More matches than the list shows: how many of how many, and that typing more narrows them.
        using (var staff = await app.SignedInAsync(DemoUsers.Staff))
        {
            var total = (await staff.GetJsonAsync("/api/members/organizations/search?q=er")).GetProperty("totalCount").GetInt32();
            Assert.True(total > 20, $"the demo data has more than 20 organisations with \"er\", has {total}");
            await box.FillAsync("er");
            await Assertions.Expect(status).ToHaveTextAsync(await app.TextAsync<SharedText>(language, "Picker_FoundSome", 20, total));
            await Assertions.Expect(page.Locator("#organizationId-list [role=option]")).ToHaveCountAsync(20);
        }

        // Typing past the server's limit stops at it: the 105th character never gets in, the search runs and finds nothing.
        await box.FillAsync("");
        await page.Keyboard.TypeAsync(new string('x', 105));
        Assert.Equal(100, (await box.InputValueAsync()).Length);
        await Assertions.Expect(status).ToHaveTextAsync(none);

        // A term the server refuses all the same (a non-character no keyboard types): the server's own message, marked as an error.
        await box.FillAsync("Tischl\uFFFE");
        await Assertions.Expect(status).ToHaveTextAsync(await app.TextAsync<SharedText>(language, "Input_RefusedCharacters"));
        await Assertions.Expect(status).ToHaveClassAsync(new Regex("text-danger"));

        // The network gone (the request fails): the search failed, try again — and the next search works again.
        await page.RouteAsync("**/api/members/organizations/search**", route => route.AbortAsync());
        await box.FillAsync("Tischle");
        await Assertions.Expect(status).ToHaveTextAsync(await app.TextAsync<SharedText>(language, "Picker_Failed"));
        await page.UnrouteAsync("**/api/members/organizations/search**");
        await box.FillAsync("Tischler");
        await Assertions.Expect(status).ToHaveTextAsync(oneMatch);
        await Assertions.Expect(status).Not.ToHaveClassAsync(new Regex("text-danger"));

        // Signed out in the meantime (401): say so, instead of "no matches".
        await page.Context.ClearCookiesAsync();
        await box.FillAsync("Tischl");
        await Assertions.Expect(status).ToHaveTextAsync(signedOut);
        await Browser.ScreenshotAsync(page, $"picker-{language}-04-signed-out");
        await page.Context.CloseAsync();
    }
}
