using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Alliance.Members.Tests.AccessHelpers;

namespace Alliance.Members.Tests;

/// <summary>The access pages as people use them: profile, own data, password reset, lockout message, account admin, erase.</summary>
[Collection(SharedAlliance.Collection)]
public sealed class AccessPagesTests(AllianceApp app, Browser browser) : IClassFixture<Browser>
{
    private async Task<IPage> SignInAsync(string email, string password = DemoUsers.Password)
    {
        var page = await browser.NewPageAsync(app.BaseAddress);
        await page.GotoAsync("/account/login");
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(password);
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        return page;
    }

    private async Task NewMemberAsync(string email, string language = "de")
    {
        await InviteNewAsync(app, email, language);
        using var client = app.Anonymous();
        var subject = language == "en" ? "Invitation" : "Einladung";
        Assert.Equal(HttpStatusCode.NoContent, (await AcceptAsync(client, await InvitationTokenAsync(app, email, subject), StrongPassword)).StatusCode);
    }

    [Fact]
    public async Task A_member_edits_the_profile_switches_to_english_and_downloads_their_data()
    {
        await NewMemberAsync("profile.page@example.org");
        var page = await SignInAsync("profile.page@example.org", StrongPassword);

        await page.GotoAsync("/account/profile");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Mein Profil");
        await page.Locator("#phone").FillAsync("0351 987654");
        await page.Locator("#function").FillAsync("Inhaberin");
        await page.Locator("#consent-email").CheckAsync();
        await page.Locator("#language").SelectOptionAsync("en");
        await page.GetByRole(AriaRole.Button, new() { Name = "Speichern" }).ClickAsync();

        // Saved, and the UI now speaks English.
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Your profile has been saved.");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("My profile");
        await Assertions.Expect(page.Locator("#phone")).ToHaveValueAsync("0351 987654");
        await Assertions.Expect(page.Locator("#language")).ToHaveValueAsync("en");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("given on");
        await Browser.ScreenshotAsync(page, "access-en-01-profile-saved");

        // Inline errors for a bad phone number.
        await page.Locator("#phone").FillAsync("<b>call me</b>");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.Locator("#phone-error")).ToContainTextAsync("digits");

        await page.GotoAsync("/account/privacy");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("My data");
        await Browser.ScreenshotAsync(page, "access-en-02-privacy");
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#download-my-data").ClickAsync());
        Assert.EndsWith(".json", download.SuggestedFilename, StringComparison.Ordinal);
        var json = JsonDocument.Parse(await File.ReadAllTextAsync((await download.PathAsync())!)).RootElement;
        var person = json.GetProperty("sections").GetProperty("members").GetProperty("person");
        Assert.Equal("0351 987654", person.GetProperty("phone").GetString());
        Assert.True(person.GetProperty("consents").GetProperty("contactByEmail").GetBoolean());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_forgotten_password_is_reset_through_the_mailed_link()
    {
        await NewMemberAsync("forgot.page@example.org");
        var page = await browser.NewPageAsync(app.BaseAddress);
        await page.GotoAsync("/account/login");
        await page.GetByRole(AriaRole.Link, new() { Name = "Passwort vergessen?" }).ClickAsync();
        await page.Locator("#email").FillAsync("forgot.page@example.org");
        await page.GetByRole(AriaRole.Button, new() { Name = "Link anfordern" }).ClickAsync();
        await Assertions.Expect(page.Locator("#forgot-done")).ToBeVisibleAsync();
        await Browser.ScreenshotAsync(page, "access-de-03-forgot-done");

        var mail = await app.WaitForMailAsync("forgot.page@example.org", "Passwort zurücksetzen");
        var link = new Uri(LinkIn(mail.TextBody));
        await page.GotoAsync(link.PathAndQuery);
        await page.Locator("#password").FillAsync("neues-passwort-5");
        await page.Locator("#confirm-password").FillAsync("anderes-passwort-5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Passwort speichern" }).ClickAsync();
        await Assertions.Expect(page.Locator("#confirm-password-error")).ToContainTextAsync("stimmen nicht überein");
        // The typed passwords are not sent back in the page.
        await Assertions.Expect(page.Locator("#password")).ToHaveValueAsync("");

        await page.Locator("#password").FillAsync("neues-passwort-5");
        await page.Locator("#confirm-password").FillAsync("neues-passwort-5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Passwort speichern" }).ClickAsync();
        await Assertions.Expect(page.Locator("#reset-done")).ToBeVisibleAsync();
        await Browser.ScreenshotAsync(page, "access-de-04-reset-done");

        // The same link again: a clear message, not a new password.
        await page.GotoAsync(link.PathAndQuery);
        await page.Locator("#password").FillAsync("drittes-passwort-5");
        await page.Locator("#confirm-password").FillAsync("drittes-passwort-5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Passwort speichern" }).ClickAsync();
        await Assertions.Expect(page.Locator(".validation-errors")).ToContainTextAsync("ungültig oder wurde bereits verwendet");
        await page.Context.CloseAsync();

        var signedIn = await SignInAsync("forgot.page@example.org", "neues-passwort-5");
        await signedIn.Context.CloseAsync();
    }

    [Fact]
    public async Task The_login_page_says_when_an_account_is_locked()
    {
        await NewMemberAsync("locked.page@example.org");
        var page = await browser.NewPageAsync(app.BaseAddress);
        await page.GotoAsync("/account/login");
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await page.Locator("#email").FillAsync("locked.page@example.org");
            await page.Locator("#password").FillAsync("falsch-" + attempt);
            await page.Locator("main form button[type=submit]").ClickAsync();
            await page.WaitForLoadStateAsync();
        }

        await Assertions.Expect(page.Locator("main .alert-danger")).ToContainTextAsync("Zu viele Fehlversuche");
        await Browser.ScreenshotAsync(page, "access-de-05-locked");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_administrator_changes_roles_and_cannot_drop_their_own_administrator_role()
    {
        await NewMemberAsync("roles.page@example.org");
        var page = await SignInAsync(DemoUsers.Administrator);

        await page.GetByRole(AriaRole.Link, new() { Name = "Zugänge" }).First.ClickAsync();
        await page.Locator("#search").FillAsync("roles.page");
        await page.GetByRole(AriaRole.Button, new() { Name = "Suchen" }).ClickAsync();
        await Assertions.Expect(page.Locator("tbody tr")).ToHaveCountAsync(1);
        await Browser.ScreenshotAsync(page, "access-de-06-accounts");
        await page.Locator("tbody tr a").ClickAsync();

        await page.Locator("#role-staff").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Rollen speichern" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Die Rollen wurden gespeichert.");
        await Assertions.Expect(page.Locator("#role-staff")).ToBeCheckedAsync();
        await Browser.ScreenshotAsync(page, "access-de-07-account-roles");

        var ownId = await WithDbAsync(app, db => db.Users.Where(u => u.Email == DemoUsers.Administrator).Select(u => u.Id).SingleAsync());
        await page.GotoAsync($"/admin/accounts/{ownId}");
        await page.Locator("#role-administrator").UncheckAsync();
        await page.Locator("#role-staff").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Rollen speichern" }).ClickAsync();
        await Assertions.Expect(page.Locator("main .alert-danger")).ToContainTextAsync("nicht selbst entziehen");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Staff_erase_a_person_after_confirming()
    {
        var personId = await InviteNewAsync(app, "erase.page@example.org", firstName: "Erika", lastName: "Muster");
        var page = await SignInAsync(DemoUsers.Staff);

        await page.GotoAsync($"/people/{personId}/erase");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Erika Muster");
        await Browser.ScreenshotAsync(page, "access-de-08-erase-confirm");
        await page.Locator("#erase").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Endgültig löschen" }).ClickAsync();
        await Assertions.Expect(page.Locator("#erase-done")).ToBeVisibleAsync();

        var person = await WithDbAsync(app, db => db.People.AsNoTracking().SingleAsync(p => p.Id == personId));
        Assert.NotNull(person.ErasedAt);
        Assert.Null(person.Email);

        await page.GotoAsync($"/people/{personId}/erase");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("bereits gelöscht");
        await page.Context.CloseAsync();

        // A representative is sent to the forbidden page.
        var representative = await SignInAsync(DemoUsers.Representative);
        await representative.GotoAsync($"/people/{personId}/erase");
        Assert.StartsWith("/forbidden", new Uri(representative.Url).AbsolutePath, StringComparison.Ordinal);
        await representative.Context.CloseAsync();
    }
}
