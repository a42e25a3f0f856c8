using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Alliance.Members.Tests;

/// <summary>Staff add Ms Kaiser to her organisation through the person form and later record her consent to show her name.</summary>
// Own host: it adds the journey's Karin Kaiser, whose address must be new.
public sealed class PeopleBrowserTests(AllianceApp app, Browser browser) : IClassFixture<AllianceApp>, IClassFixture<Browser>
{
    [Fact]
    public async Task Staff_add_a_person_fix_an_invalid_e_mail_and_record_a_consent()
    {
        var page = await browser.NewPageAsync(app.BaseAddress);
        await page.GotoAsync("/account/login");
        await page.FillAsync("#email", DemoUsers.Staff);
        await page.FillAsync("#password", DemoUsers.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(new Regex("/$"));

        await page.GotoAsync("/organizations?search=Tischlerei%20Hoffmann");
        await page.ClickAsync("td >> text=Tischlerei Hoffmann");
        await page.ClickAsync("text=Neue Person");
        await page.WaitForURLAsync(new Regex("/people/new\\?organizationId="));
        await Assertions.Expect(page.Locator("#organizationId option:checked")).ToHaveTextAsync("Tischlerei Hoffmann");

        await page.FillAsync("#firstName", "Karin");
        await page.FillAsync("#lastName", "Kaiser");
        // type=email would stop the browser from submitting; the server's rule is what this test checks.
        await page.EvalOnSelectorAsync("#email", "e => e.type = 'text'");
        await page.FillAsync("#email", "karin.kaiser(at)elektro-kaiser");
        await page.FillAsync("#function", "Geschäftsführerin");
        await page.CheckAsync("#consentContactByEmail");
        await page.ClickAsync("button:has-text('Anlegen')");
        await Assertions.Expect(page.Locator("#email-error")).ToContainTextAsync("keine gültige E-Mail-Adresse");
        await Assertions.Expect(page.Locator("#firstName")).ToHaveValueAsync("Karin");
        await Browser.ScreenshotAsync(page, "members-de-07-person-form-error");

        await page.FillAsync("#email", "karin.kaiser@elektro-kaiser.example");
        await page.ClickAsync("button:has-text('Anlegen')");
        await page.WaitForURLAsync(new Regex("/people/[0-9a-f-]{36}$"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Karin Kaiser");
        await Assertions.Expect(page.Locator("dl")).ToContainTextAsync("Tischlerei Hoffmann");
        await Assertions.Expect(page.Locator("dl")).ToContainTextAsync("Ja, seit");
        await Assertions.Expect(page.Locator("a:has-text('Einladen')")).ToHaveAttributeAsync("href", new Regex("^/invitations/new\\?personId="));
        await Assertions.Expect(page.Locator("a:has-text('Löschen (DSGVO)')")).ToHaveAttributeAsync("href", new Regex("/erase$"));

        await page.ClickAsync("a:has-text('Bearbeiten')");
        await page.WaitForURLAsync(new Regex("/edit$"));
        await page.CheckAsync("#consentNameVisible");
        await page.UncheckAsync("#consentContactByEmail");
        await page.ClickAsync("button:has-text('Speichern')");
        await page.WaitForURLAsync(new Regex("/people/[0-9a-f-]{36}$"));
        var details = await page.Locator("dl").InnerTextAsync();
        Assert.Matches(new Regex("Name für andere Mitglieder sichtbar\\s+Ja, seit"), details);
        Assert.Matches(new Regex("Kontakt per E-Mail erlaubt\\s+Nein"), details);
        await Browser.ScreenshotAsync(page, "members-de-08-person-detail");
        await page.Context.CloseAsync();
    }
}
