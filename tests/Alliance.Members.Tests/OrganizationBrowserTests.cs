using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Alliance.Members.Tests;

/// <summary>
/// Journey 1, first half, in a real Chromium: staff create "Elektro Kaiser GmbH" through the form (seeing an inline
/// error first) and find it on its detail page — once in German, once in English, each on its own database.
/// </summary>
public abstract class OrganizationBrowserTests(AllianceApp app, Browser browser, string language)
{
    private sealed record Texts(string NewTitle, string Required, string Create, string Company, string Small, string Organisations,
        string NotShared, string Save, string StaffOnly);

    private static readonly Dictionary<string, Texts> ByLanguage = new()
    {
        ["de"] = new("Neue Organisation", "Bitte geben Sie einen Namen ein", "Anlegen", "Unternehmen", "Klein (10–49)", "Organisationen",
            "Name nicht freigegeben", "Speichern", "Nur die Geschäftsstelle"),
        ["en"] = new("New organisation", "Please enter a name", "Create", "Company", "Small (10–49)", "Organisations",
            "Name not shared", "Save", "Only the office"),
    };

    private Task<IPage> SignInAsync(string email, string returnUrl) => browser.SignedInPageAsync(app.BaseAddress, email, language, returnUrl);

    [Fact]
    public async Task Staff_create_Elektro_Kaiser_and_see_it_on_its_detail_page()
    {
        var texts = ByLanguage[language];
        var page = await SignInAsync(DemoUsers.Staff, "/organizations");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(texts.Organisations);

        await page.ClickAsync($"text={texts.NewTitle}");
        await page.WaitForURLAsync(new Regex("/organizations/new$"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(texts.NewTitle);

        // An empty name is refused inline, next to the field, in the page's language.
        await page.FillAsync("#sector", "Handwerk");
        await page.ClickAsync($"button:has-text('{texts.Create}')");
        await Assertions.Expect(page.Locator("#name-error")).ToContainTextAsync(texts.Required);
        await Browser.ScreenshotAsync(page, $"members-{language}-01-organisation-form-error");

        await page.FillAsync("#name", "Elektro Kaiser GmbH");
        await page.SelectOptionAsync("#partnerGroup", "Company");
        await page.FillAsync("#sector", "Handwerk");
        await page.FillAsync("#employeeCount", "12");
        await page.FillAsync("#district", "Altstadt");
        await Browser.ScreenshotAsync(page, $"members-{language}-02-organisation-form");
        await page.ClickAsync($"button:has-text('{texts.Create}')");

        await page.WaitForURLAsync(new Regex("/organizations/[0-9a-f-]{36}$"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Elektro Kaiser GmbH");
        var details = page.Locator("dl");
        await Assertions.Expect(details).ToContainTextAsync(texts.Company);
        await Assertions.Expect(details).ToContainTextAsync("Handwerk");
        await Assertions.Expect(details).ToContainTextAsync("12");
        await Assertions.Expect(details).ToContainTextAsync(texts.Small);
        await Assertions.Expect(details).ToContainTextAsync("Altstadt");
        await Assertions.Expect(page.Locator(".breadcrumb")).ToContainTextAsync(texts.Organisations);
        await Browser.ScreenshotAsync(page, $"members-{language}-03-organisation-detail");

        await page.GotoAsync("/organizations?search=Kaiser");
        await Assertions.Expect(page.Locator("table tbody tr")).ToHaveCountAsync(1);
        await Browser.ScreenshotAsync(page, $"members-{language}-04-organisation-list");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_representative_sees_the_directory_rule_and_edits_only_the_own_profile()
    {
        var texts = ByLanguage[language];
        var page = await SignInAsync(DemoUsers.Representative, "/people");

        // The demo alliance has people who did not agree to show their name (every fifth): other members do not see
        // them at all, since function + organisation would name them as well.
        await Assertions.Expect(page.Locator("table tbody tr").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("table tbody")).Not.ToContainTextAsync(texts.NotShared);
        await Assertions.Expect(page.Locator("a[href='/people/new']")).ToHaveCountAsync(0);
        await Browser.ScreenshotAsync(page, $"members-{language}-05-people-as-representative");

        await page.GotoAsync("/organizations?search=Modehaus");
        await page.ClickAsync("text=Modehaus Brandt");
        await page.WaitForURLAsync(new Regex("/organizations/[0-9a-f-]{36}$"));
        await page.ClickAsync($"a.btn-primary");
        await page.WaitForURLAsync(new Regex("/edit$"));
        await Assertions.Expect(page.Locator("#partnerGroup")).ToBeDisabledAsync();
        await Assertions.Expect(page.Locator("#memberSince")).ToBeDisabledAsync();
        await Assertions.Expect(page.Locator("form.card")).ToContainTextAsync(texts.StaffOnly);
        await page.FillAsync("#website", "https://modehaus-brandt.example");
        await Browser.ScreenshotAsync(page, $"members-{language}-06-own-organisation-edit");
        await page.ClickAsync($"button:has-text('{texts.Save}')");

        await page.WaitForURLAsync(new Regex("/organizations/[0-9a-f-]{36}$"));
        await Assertions.Expect(page.Locator("dl")).ToContainTextAsync("https://modehaus-brandt.example");
        await Assertions.Expect(page.Locator("dl")).ToContainTextAsync(texts.Company);

        // Another organisation has no edit button, and its edit page is refused.
        await page.GotoAsync("/organizations?search=Sparkasse");
        await page.ClickAsync("td >> text=Sparkasse");
        await page.WaitForURLAsync(new Regex("/organizations/[0-9a-f-]{36}$"));
        await Assertions.Expect(page.Locator("a.btn-primary")).ToHaveCountAsync(0);
        await page.GotoAsync(page.Url + "/edit");
        await page.WaitForURLAsync(new Regex("/forbidden"));
        await page.Context.CloseAsync();
    }
}

// Own hosts: each language creates the journey's Elektro Kaiser GmbH, whose name must be new.
public sealed class OrganizationBrowserTestsGerman(AllianceApp app, Browser browser)
    : OrganizationBrowserTests(app, browser, "de"), IClassFixture<AllianceApp>, IClassFixture<Browser>;

public sealed class OrganizationBrowserTestsEnglish(AllianceApp app, Browser browser)
    : OrganizationBrowserTests(app, browser, "en"), IClassFixture<AllianceApp>, IClassFixture<Browser>;
