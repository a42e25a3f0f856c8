using Microsoft.Playwright;

namespace Alliance.Host.Tests;

/// <summary>What a person sees of the host itself: the API reference and the status pages, in Chromium.</summary>
[Collection(SharedAlliance.Collection)]
public sealed class BrowserTests(AllianceApp app, Browser browser) : IClassFixture<Browser>
{
    [Fact]
    public async Task The_api_reference_loads_the_openapi_document_for_a_signed_in_user()
    {
        var page = await browser.NewPageAsync(app.BaseAddress);
        await page.GotoAsync("/account/login?ReturnUrl=%2Fapi%2Fdocs");
        await page.FillAsync("#email", DemoUsers.Staff);
        await page.FillAsync("#password", DemoUsers.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => url.Contains("/api/docs", StringComparison.Ordinal));

        // Scalar fetched /openapi/v1.json: it shows the document's title and the modules' tags (a tag's operations
        // stay collapsed until opened, so which summaries are visible depends on the order of the tags).
        await page.GetByText("Alliance API", new PageGetByTextOptions { Exact = false }).First
            .WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        foreach (var tag in new[] { "Members", "Labs", "Meetings" })
        {
            await page.GetByText(tag, new PageGetByTextOptions { Exact = true }).First
                .WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        }
        await Browser.ScreenshotAsync(page, "host-api-reference");
    }

    [Fact]
    public async Task Unknown_pages_show_the_not_found_page_in_german_and_after_the_switch_in_english()
    {
        var page = await browser.NewPageAsync(app.BaseAddress, locale: "en-US");
        var response = await page.GotoAsync("/gibt-es-nicht");
        Assert.Equal(404, response!.Status);
        Assert.Equal("Seite nicht gefunden", (await page.Locator("h1").TextContentAsync())?.Trim());
        Assert.Equal("de", await page.Locator("html").GetAttributeAsync("lang"));
        await Browser.ScreenshotAsync(page, "host-not-found-de");

        await page.ClickAsync("a[hreflang=en]");
        await page.WaitForFunctionAsync("document.documentElement.lang === 'en'");
        Assert.Equal("Page not found", (await page.Locator("h1").TextContentAsync())?.Trim());
        await Browser.ScreenshotAsync(page, "host-not-found-en");
    }
}
