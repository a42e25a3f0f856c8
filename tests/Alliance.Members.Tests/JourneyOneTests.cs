using Microsoft.Playwright;
using static Alliance.Members.Tests.AccessHelpers;

namespace Alliance.Members.Tests;

/// <summary>
/// Journey 1 of domain.md in a real browser: staff invite a new representative for a member organisation, the
/// invitee opens the link from the mail in a fresh browser, sets a password and lands on the dashboard.
/// </summary>
[Collection(SharedAlliance.Collection)]
public sealed class JourneyOneTests(AllianceApp app, Browser browser) : IClassFixture<Browser>
{
    private sealed record Language(
        string Code, string Locale, string SwitchLink, string InviteTitle, string FirstName, string LastName, string Email, string LanguageOption,
        string Submit, string Sent, string MailSubject, string AcceptTitle, string Welcome, string Weak, string Mismatch, string AcceptSubmit, string Dashboard, string UsedMessage);

    private static readonly Language German = new("de", "de-DE", "Deutsch", "Person einladen", "Petra", "Kaiser", "petra.kaiser@elektro-kaiser.example", "de",
        "Einladung senden", "Die Einladung an Petra Kaiser wurde verschickt", "Einladung zur Wirtschaftsallianz", "Einladung annehmen",
        "Willkommen, Petra Kaiser!", "mindestens 10 Zeichen", "stimmen nicht überein", "Passwort festlegen und anmelden", "Willkommen, Petra Kaiser", "bereits verwendet");

    private static readonly Language English = new("en", "en-GB", "English", "Invite a person", "Emma", "Clarke", "emma.clarke@northbridge.example", "en",
        "Send invitation", "The invitation to Emma Clarke has been sent", "Invitation to the economic alliance", "Accept invitation",
        "Welcome, Emma Clarke!", "at least 10 characters", "do not match", "Set password and sign in", "Welcome, Emma Clarke", "already been used");

    [Fact]
    public Task Journey_1_in_German() => JourneyAsync(German);

    [Fact]
    public Task Journey_1_in_English() => JourneyAsync(English);

    private async Task JourneyAsync(Language language)
    {
        var organizationId = await OrganizationIdAsync(app, "Modehaus Brandt");
        var shot = $"journey-1-{language.Code}";

        // Staff, in their UI language, invite the new representative.
        var staff = await browser.NewPageAsync(app.BaseAddress, language.Locale);
        await staff.GotoAsync("/account/login");
        await staff.Locator("#email").FillAsync(DemoUsers.Staff);
        await staff.Locator("#password").FillAsync(DemoUsers.Password);
        await staff.Locator("form button[type=submit]").ClickAsync();
        await staff.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        // Sign-in switches to the staff member's own language (German); the switch in the header changes it.
        await staff.GetByRole(AriaRole.Link, new() { Name = language.SwitchLink, Exact = true }).ClickAsync();
        await staff.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");

        await staff.GotoAsync($"/invitations/new?organizationId={organizationId}");
        await Assertions.Expect(staff.Locator("h1")).ToHaveTextAsync(language.InviteTitle);
        await Assertions.Expect(staff.Locator("#organization")).ToHaveValueAsync(organizationId.ToString());
        await Browser.ScreenshotAsync(staff, $"{shot}-01-invite-form");

        // An empty form shows the errors next to the fields first.
        await staff.GetByRole(AriaRole.Button, new() { Name = language.Submit }).ClickAsync();
        await Assertions.Expect(staff.Locator("#first-name-error")).Not.ToBeEmptyAsync();
        await Assertions.Expect(staff.Locator("#email-error")).Not.ToBeEmptyAsync();
        await Browser.ScreenshotAsync(staff, $"{shot}-02-invite-errors");

        await staff.Locator("#first-name").FillAsync(language.FirstName);
        await staff.Locator("#last-name").FillAsync(language.LastName);
        await staff.Locator("#email").FillAsync(language.Email);
        // The organisation chosen through the link survives the rejected post.
        await Assertions.Expect(staff.Locator("#organization")).ToHaveValueAsync(organizationId.ToString());
        await staff.Locator("#language").SelectOptionAsync(language.LanguageOption);
        await staff.GetByRole(AriaRole.Button, new() { Name = language.Submit }).ClickAsync();
        await Assertions.Expect(staff.GetByRole(AriaRole.Status)).ToContainTextAsync(language.Sent);
        await Browser.ScreenshotAsync(staff, $"{shot}-03-invite-sent");

        // The mail, in the invitee's language, carries the link.
        var mail = await app.WaitForMailAsync(language.Email, language.MailSubject);
        var link = new Uri(LinkIn(mail.TextBody));

        // The invitee opens it in a fresh browser (no cookies) and sees the page in their language.
        var invitee = await browser.NewPageAsync(app.BaseAddress, language.Locale);
        await invitee.GotoAsync(link.PathAndQuery);
        await Assertions.Expect(invitee.Locator("h1")).ToHaveTextAsync(language.AcceptTitle);
        await Assertions.Expect(invitee.Locator("main")).ToContainTextAsync(language.Welcome);
        await Browser.ScreenshotAsync(invitee, $"{shot}-04-accept");

        await invitee.Locator("#password").FillAsync("kurz1");
        await invitee.Locator("#confirm-password").FillAsync("kurz1");
        await invitee.GetByRole(AriaRole.Button, new() { Name = language.AcceptSubmit }).ClickAsync();
        await Assertions.Expect(invitee.Locator("#password-error")).ToContainTextAsync(language.Weak);

        await invitee.Locator("#password").FillAsync(StrongPassword);
        await invitee.Locator("#confirm-password").FillAsync(StrongPassword + "x");
        await invitee.GetByRole(AriaRole.Button, new() { Name = language.AcceptSubmit }).ClickAsync();
        await Assertions.Expect(invitee.Locator("#confirm-password-error")).ToContainTextAsync(language.Mismatch);
        await Browser.ScreenshotAsync(invitee, $"{shot}-05-accept-errors");

        await invitee.Locator("#password").FillAsync(StrongPassword);
        await invitee.Locator("#confirm-password").FillAsync(StrongPassword);
        await invitee.GetByRole(AriaRole.Button, new() { Name = language.AcceptSubmit }).ClickAsync();

        // Signed in, on the dashboard, in their language.
        await invitee.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await Assertions.Expect(invitee.Locator("h1")).ToHaveTextAsync(language.Dashboard);
        Assert.Equal(language.Code, await invitee.Locator("html").GetAttributeAsync("lang"));
        await Browser.ScreenshotAsync(invitee, $"{shot}-06-dashboard");

        // The link is used up.
        var later = await browser.NewPageAsync(app.BaseAddress, language.Locale);
        await later.GotoAsync(link.PathAndQuery);
        await Assertions.Expect(later.Locator("#invitation-unusable")).ToContainTextAsync(language.UsedMessage);
        await Browser.ScreenshotAsync(later, $"{shot}-07-link-used");

        await staff.Context.CloseAsync();
        await invitee.Context.CloseAsync();
        await later.Context.CloseAsync();
    }
}
