using System.Text;
using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Alliance.Notifications.Tests;

/// <summary>
/// In Chromium, per language: a representative asks to join a lab, the coordinator sees the bell's count, opens the
/// list and follows the notification to the request; list and settings pass axe-core (WCAG 2.1 AA).
/// </summary>
[Collection(SharedAlliance.Collection)]
public sealed partial class NotificationJourneyBrowserTests(AllianceApp app, Browser browser) : IClassFixture<Browser>
{
    private static readonly Dictionary<string, Dictionary<string, string>> Words = new()
    {
        ["de"] = new() { ["bell"] = "Benachrichtigungen, 1 ungelesen", ["none"] = "Benachrichtigungen, keine ungelesen", ["asks"] = "möchte im Reallabor „Handel der Zukunft“ mitmachen", ["consent"] = "keine E-Mails" },
        ["en"] = new() { ["bell"] = "Notifications, 1 unread", ["none"] = "Notifications, none unread", ["asks"] = "asks to join the lab “Handel der Zukunft”", ["consent"] = "no e-mails" },
    };

    [Theory]
    [InlineData("de")]
    [InlineData("en")]
    public async Task A_membership_request_rings_the_coordinators_bell_and_leads_to_the_request(string language)
    {
        var w = Words[language];
        var lab = await app.RetailLabAsync();
        var organization = $"Glocke {language} GmbH";
        var email = $"glocke-{language}@notify.example";
        await app.CreateRepresentativeAsync(organization, "Greta", "Glocke", email, language: language);

        // Mr Brandt coordinates the lab; he starts with nothing unread.
        var brandt = await SignInAsync(DemoUsers.Representative, language);
        await brandt.ClickAsync("#notification-bell");
        await brandt.WaitForURLAsync(new Regex("/notifications$"));
        if (await brandt.Locator("#read-all").CountAsync() > 0)
        {
            await brandt.ClickAsync("#read-all");
            await brandt.WaitForSelectorAsync("#read-all", new() { State = WaitForSelectorState.Detached });
        }

        Assert.Equal(w["none"], await brandt.GetAttributeAsync("#notification-bell", "aria-label"));

        var greta = await SignInAsync(email, language);
        await greta.GotoAsync($"/labs/{lab}");
        await greta.FillAsync("#motivation", "Wir möchten mitmachen.");
        await greta.ClickAsync("form:has(#motivation) button[type=submit]");
        await greta.WaitForSelectorAsync("#request-pending");

        await Eventually.Until(async () =>
        {
            await brandt.GotoAsync("/");
            return await brandt.GetAttributeAsync("#notification-bell", "aria-label");
        }, l => l == w["bell"], what: "the bell to count the request");
        Assert.Equal("1", (await brandt.InnerTextAsync("#notification-bell .badge")).Trim());
        await Browser.ScreenshotAsync(brandt, $"notifications-{language}-01-bell");

        await brandt.ClickAsync("#notification-bell");
        var item = brandt.Locator("#notifications a", new() { HasText = organization });
        Assert.Contains(w["asks"], await item.InnerTextAsync(), StringComparison.Ordinal);
        await Browser.ScreenshotAsync(brandt, $"notifications-{language}-02-list");
        var report = new StringBuilder(await ScanAsync(brandt, "/notifications"));

        await item.ClickAsync();
        await brandt.WaitForURLAsync(new Regex($"/labs/{lab}$"));
        Assert.Equal(1, await brandt.Locator(".membership-request", new() { HasText = organization }).CountAsync());

        // Marked read from the list: the bell is quiet again.
        await brandt.GotoAsync("/notifications");
        await brandt.ClickAsync("#notifications li:has-text('" + organization + "') button");
        await brandt.WaitForSelectorAsync($"#notifications li:has-text('{organization}') button", new() { State = WaitForSelectorState.Detached });
        Assert.Equal(w["none"], await brandt.GetAttributeAsync("#notification-bell", "aria-label"));

        // Settings, reached from the profile, say why no mail comes when the consent is missing.
        using (var client = await app.SignedInAsync(email))
        {
            await client.SetConsentsAsync(contactByEmail: false, nameVisible: true);
        }

        await greta.GotoAsync("/account/profile");
        await greta.ClickAsync("#notification-settings");
        await greta.WaitForURLAsync(new Regex("/notifications/preferences$"));
        Assert.Contains(w["consent"], await greta.InnerTextAsync("#mail-consent-missing"), StringComparison.Ordinal);
        await greta.CheckAsync("#mail-MatchMade-no");
        await greta.ClickAsync("main form button[type=submit]");
        await greta.WaitForSelectorAsync("[role=status]");
        Assert.True(await greta.IsCheckedAsync("#mail-MatchMade-no"));
        Assert.True(await greta.IsCheckedAsync("#mail-MembershipApproved-yes"));
        await Browser.ScreenshotAsync(greta, $"notifications-{language}-03-settings");
        report.Append(await ScanAsync(greta, "/notifications/preferences"));

        Assert.True(report.Length == 0, $"axe-core found WCAG 2.1 AA violations ({language}):\n{report}");
    }

    private async Task<IPage> SignInAsync(string email, string language)
    {
        var page = await browser.SignedInPageAsync(app.BaseAddress, email, language);
        // The shared 2-core machine is often far behind: a full page load with its styles can take longer than 30 s.
        page.SetDefaultTimeout(90_000);
        page.SetDefaultNavigationTimeout(90_000);
        return page;
    }

    private static async Task<string> ScanAsync(IPage page, string name)
    {
        // axe.run in the page itself (<html> is axe's page context): RunAxe opens a new browser page for every
        // scan to merge frame results; these pages have no frames. "Legacy" is axe's name for this mode.
#pragma warning disable CS0618
        var result = await page.Locator("html").RunAxeLegacy(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
            ResultTypes = [ResultType.Violations],
        });
#pragma warning restore CS0618
        return string.Concat(result.Violations.Select(v => $"{name}: {v.Id}: {v.Help} {string.Join(" ", v.Nodes.Take(3).Select(n => n.Html))}\n"));
    }
}
