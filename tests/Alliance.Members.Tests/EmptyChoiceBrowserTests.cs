using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Alliance.Members.Tests;

/// <summary>
/// The person and invitation forms with the organisation "– keine –" in a real Chromium, in German and in English:
/// no framework text ("The value '' is not valid for 'OrganizationId'"), every field error at once in the page's
/// language, and a person without an organisation is saved (the directory allows it).
/// </summary>
[Collection(SharedAlliance.Collection)]
public sealed class EmptyChoiceBrowserTests(AllianceApp app, Browser browser) : IClassFixture<Browser>
{
    private sealed record Texts(string None, string Create, string FirstName, string LastName, string Email,
        string InviteFirstName, string InviteLastName, string InviteEmail, string Send, string Sent);

    private static readonly Dictionary<string, Texts> ByLanguage = new()
    {
        ["de"] = new("– keine –", "Anlegen", "Bitte geben Sie den Vornamen an.", "Bitte geben Sie den Nachnamen an.",
            "Bitte geben Sie eine E-Mail-Adresse an.", "Bitte geben Sie einen Vornamen ein.", "Bitte geben Sie einen Nachnamen ein.",
            "Bitte geben Sie eine E-Mail-Adresse ein.", "Einladung senden", "wurde verschickt"),
        ["en"] = new("– none –", "Create", "Please enter the first name.", "Please enter the last name.",
            "Please enter an e-mail address.", "Please enter a first name.", "Please enter a last name.",
            "Please enter an e-mail address.", "Send invitation", "has been sent"),
    };

    private async Task<IPage> StaffPageAsync(string language)
    {
        var page = await browser.NewPageAsync(app.BaseAddress, language == "de" ? "de-DE" : "en-GB");
        await page.GotoAsync("/account/login");
        await page.FillAsync("#email", DemoUsers.Staff);
        await page.FillAsync("#password", DemoUsers.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(new Regex("/$"));
        await page.GotoAsync($"/culture/{language}?returnUrl=%2F");
        return page;
    }

    [Theory]
    [InlineData("de")]
    [InlineData("en")]
    public async Task The_person_form_without_organisation_shows_every_error_and_then_saves(string language)
    {
        var texts = ByLanguage[language];
        var page = await StaffPageAsync(language);
        await page.GotoAsync("/people/new");
        await Assertions.Expect(page.Locator("#organizationId option:checked")).ToHaveTextAsync(texts.None);

        await page.ClickAsync($"button:has-text('{texts.Create}')");

        await Assertions.Expect(page.Locator("#firstName-error")).ToHaveTextAsync(texts.FirstName);
        await Assertions.Expect(page.Locator("#lastName-error")).ToHaveTextAsync(texts.LastName);
        await Assertions.Expect(page.Locator("#email-error")).ToHaveTextAsync(texts.Email);
        await Assertions.Expect(page.Locator("#organizationId-error")).ToBeEmptyAsync();
        Assert.DoesNotContain("is not valid", await page.ContentAsync(), StringComparison.Ordinal);
        await Browser.ScreenshotAsync(page, $"members-{language}-20-person-form-no-organisation-errors");

        await page.FillAsync("#firstName", "Nora");
        await page.FillAsync("#lastName", "Ohneorga-" + language);
        await page.FillAsync("#email", $"nora.ohneorga.{language}@example.org");
        await page.ClickAsync($"button:has-text('{texts.Create}')");
        await page.WaitForURLAsync(new Regex("/people/[0-9a-f-]{36}$"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync($"Nora Ohneorga-{language}");
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("de")]
    [InlineData("en")]
    public async Task The_invitation_form_without_organisation_shows_every_error_and_then_sends(string language)
    {
        var texts = ByLanguage[language];
        var page = await StaffPageAsync(language);
        await page.GotoAsync("/invitations/new");
        await Assertions.Expect(page.Locator("#organization")).ToHaveValueAsync("");

        await page.ClickAsync($"button:has-text('{texts.Send}')");

        await Assertions.Expect(page.Locator("#first-name-error")).ToHaveTextAsync(texts.InviteFirstName);
        await Assertions.Expect(page.Locator("#last-name-error")).ToHaveTextAsync(texts.InviteLastName);
        await Assertions.Expect(page.Locator("#email-error")).ToHaveTextAsync(texts.InviteEmail);
        Assert.DoesNotContain("is not valid", await page.ContentAsync(), StringComparison.Ordinal);
        await Browser.ScreenshotAsync(page, $"members-{language}-21-invitation-form-no-organisation-errors");

        await page.FillAsync("#first-name", "Ida");
        await page.FillAsync("#last-name", "Ohneorga-" + language);
        await page.FillAsync("#email", $"ida.ohneorga.{language}@example.org");
        await page.ClickAsync($"button:has-text('{texts.Send}')");
        await Assertions.Expect(page.Locator(".alert-success")).ToContainTextAsync(texts.Sent);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_edit_form_keeps_an_English_speakers_language_and_her_organisation_selected()
    {
        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        var bakery = await app.OrganizationIdAsync("Bäckerei Krause");
        var created = await staff.PostAsJsonAsync("/api/members/people",
            DirectoryTestData.PersonBody(("preferredLanguage", "en"), ("organizationId", bakery)));
        var id = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();

        var html = await staff.GetStringAsync($"/people/{id}/edit");

        // Static <option> markup is never marked selected in server-side rendering: saving would have switched her to German.
        Assert.Matches(new Regex("<option value=\"en\"[^>]*selected"), html);
        Assert.DoesNotMatch(new Regex("<option value=\"de\"[^>]*selected"), html);
        Assert.Matches(new Regex($"<option value=\"{bakery}\"[^>]*selected"), html);
    }
}
