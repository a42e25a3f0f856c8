using System.Text.RegularExpressions;
using Alliance.Labs.Contracts;
using Alliance.Shared.Web;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Alliance.Host.Tests.Ui;

/// <summary>
/// Feedback and safety: a success message after a change (once, as a status), destructive actions that ask first
/// (also without JavaScript), no double submit, and the searchable picker over the API.
/// </summary>
[Collection(SharedAlliance.Collection)]
public sealed partial class FeedbackTests(AllianceApp app, Browser browser) : IClassFixture<Browser>
{
    [Theory]
    [InlineData("de", "Änderungen gespeichert.")]
    [InlineData("en", "Changes saved.")]
    public async Task A_flash_message_shows_once_as_a_status_on_the_next_page(string language, string text)
    {
        var page = await UiPages.SignInAsync(browser, app.BaseAddress, DemoUsers.Staff, language);
        await page.Context.AddCookiesAsync([new Cookie { Name = FlashMessages.CookieName, Value = Uri.EscapeDataString(text), Url = app.BaseAddress.ToString() }]);
        await page.GotoAsync("/labs");
        var status = page.Locator("main [role=status].flash");
        await Assertions.Expect(status).ToHaveTextAsync(text);
        await Browser.ScreenshotAsync(page, $"feedback-{language}-flash");

        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("main h1")).ToBeVisibleAsync();
        Assert.Equal(0, await status.CountAsync());
    }

    [Fact]
    public async Task Page_commands_with_a_success_text_leave_the_message_and_go_to_the_target()
    {
        var principal = await app.PrincipalAsync(DemoUsers.Staff);
        var (target, cookies) = await app.WithScopeAsync(async sp =>
        {
            var http = new DefaultHttpContext { RequestServices = sp, User = principal };
            sp.GetRequiredService<IHttpContextAccessor>().HttpContext = http;
            var navigation = sp.GetRequiredService<NavigationManager>();
            ((IHostEnvironmentNavigationManager)navigation).Initialize("http://alliance.test/", "http://alliance.test/labs/new");
            string location;
            try
            {
                var outcome = await sp.GetRequiredService<PageCommands>().SendAsync(new GetLabs(), "Reallabor gespeichert.", "/labs");
                Assert.True(outcome.Succeeded);
                location = navigation.Uri;
            }
            catch (NavigationException navigated)
            {
                location = navigated.Location;
            }

            return (location, http.Response.Headers.SetCookie.ToString());
        });

        Assert.EndsWith("/labs", target, StringComparison.Ordinal);
        Assert.Contains($"{FlashMessages.CookieName}={Uri.EscapeDataString("Reallabor gespeichert.")}", cookies, StringComparison.Ordinal);
        Assert.Contains("httponly", cookies, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Closing_a_need_asks_first_and_only_the_explicit_second_click_closes_it_even_without_javascript()
    {
        var page = await UiPages.SignInWithoutScriptAsync(browser, app.BaseAddress, DemoUsers.Staff);

        await page.GotoAsync("/labs/needs");
        var hrefs = await page.EvalOnSelectorAllAsync<string[]>("main a[href]", "links => links.map(a => a.getAttribute('href'))");
        string? need = null;
        foreach (var href in hrefs.Where(h => NeedLink().IsMatch(h)))
        {
            await page.GotoAsync(href);
            if (await page.Locator("#close-need").CountAsync() > 0)
            {
                need = href;
                break;
            }
        }

        Assert.NotNull(need);
        var confirm = page.Locator("#close-need-confirm");
        await Assertions.Expect(confirm).ToBeHiddenAsync();
        await page.Locator("#close-need").ClickAsync();
        await Assertions.Expect(confirm).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Sind Sie sicher?");
        await Browser.ScreenshotAsync(page, "feedback-de-confirm-close-need");
        // Opening the question sent nothing.
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#close-need")).ToBeVisibleAsync();

        await page.Locator("#close-need").ClickAsync();
        await confirm.ClickAsync();
        await Assertions.Expect(page.Locator("#close-need")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("geschlossen");
    }

    [Fact]
    public async Task A_form_submitted_twice_in_a_row_is_sent_once_and_can_be_sent_again_after_the_answer()
    {
        var page = await UiPages.SignInAsync(browser, app.BaseAddress, DemoUsers.Staff, "de");
        await page.GotoAsync("/organizations/new");
        var posts = 0;
        // Slow answers: the second submit happens while the first is still on its way.
        await page.RouteAsync("**/organizations/new", async route =>
        {
            if (route.Request.Method == "POST")
            {
                Interlocked.Increment(ref posts);
                await Task.Delay(1500);
            }

            await route.ContinueAsync();
        });

        var submit = page.Locator("main form button[type=submit]");
        // Read in the same turn: the page is about to be replaced by the answer.
        var disabled = await page.EvaluateAsync<bool>(
            "() => { const f = document.querySelector('main form[method=post]'); f.requestSubmit(); f.requestSubmit(); " +
            "return f.querySelector('button[type=submit]').disabled; }");
        Assert.True(disabled);
        await page.Locator(".validation-message").First.WaitForAsync();
        Assert.Equal(1, posts);

        // The answer (here: validation errors) releases the form for the corrected try.
        await Assertions.Expect(submit).ToBeEnabledAsync();
        await submit.ClickAsync();
        await Eventually.Until(() => Task.FromResult(Volatile.Read(ref posts) == 2), TimeSpan.FromSeconds(20));
    }

    /// <summary>
    /// Without script a search picker shows its own "Search" button, and Enter in a text field presses the form's first
    /// submit button: Enter in the new action item's title must save it, not search for an owner.
    /// </summary>
    [Fact]
    public async Task Without_javascript_enter_in_a_form_with_a_search_picker_saves_instead_of_searching()
    {
        var page = await UiPages.SignInWithoutScriptAsync(browser, app.BaseAddress, DemoUsers.Staff);

        await page.GotoAsync("/labs");
        var lab = await page.EvalOnSelectorAsync<string>("main a[href^='/labs/'][href*='-']", "a => a.getAttribute('href')");
        await page.GotoAsync(lab);
        await page.Locator("#new-action-item summary").ClickAsync();
        Assert.Equal(1, await page.Locator("#new-action-item button[name=picker-search]").CountAsync());
        var title = "Per Eingabetaste " + Guid.NewGuid().ToString("N")[..8];
        await page.FillAsync("#item-title", title);
        var organization = await page.EvalOnSelectorAsync<string>("#item-organization", "select => [...select.options].find(o => o.value).value");
        await page.SelectOptionAsync("#item-organization", organization);
        await page.FillAsync("#item-due", AllianceClock.Today.AddDays(7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        var posted = await page.RunAndWaitForResponseAsync(() => page.PressAsync("#item-title", "Enter"), response => response.Request.Method == "POST");
        Assert.True(posted.Status == 302, await page.Locator("#new-action-item").InnerTextAsync());
        await page.WaitForLoadStateAsync(LoadState.Load);
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(title);
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("Bitte einen Suchbegriff eingeben.");
        await page.Context.CloseAsync();
    }

    [GeneratedRegex("^/labs/needs/[0-9a-f-]{36}$")]
    private static partial Regex NeedLink();
}
