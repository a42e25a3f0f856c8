using System.Text.RegularExpressions;
using Alliance.Labs.Demo;
using Microsoft.Playwright;
using Npgsql;

namespace Alliance.Labs.Tests;

/// <summary>
/// In Chromium, German and English: a representative asks to join a lab, the lab's coordinator finds it on her
/// dashboard, and the link leads to the request list filtered to the requests she decides on.
/// </summary>
[Collection(SharedAlliance.Collection)]
public sealed class DashboardBrowserTests(AllianceApp app, Browser browser) : IClassFixture<Browser>
{
    private static readonly Dictionary<string, (string Join, string Waiting, string Title)> Words = new()
    {
        ["de"] = ("Beitritt anfragen", "1 Beitrittsanfrage wartet auf Ihre Entscheidung", "Beitrittsanfragen"),
        ["en"] = ("Ask to join", "1 membership request waiting for your decision", "Membership requests"),
    };

    [Theory]
    [InlineData("de")]
    [InlineData("en")]
    public async Task A_coordinator_sees_a_new_membership_request_on_her_dashboard_and_follows_it(string language)
    {
        var w = Words[language];
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var coordinatorEmail = $"koordination-{suffix}@example.org";
        var coordinator = await app.CreateRepresentativeAsync($"Kammer {suffix}", "Kora", "Koordination", coordinatorEmail, language: language);
        // A lab of her own, so that the count on her card is exactly this one request.
        var lab = Guid.NewGuid();
        await using (var connection = new NpgsqlConnection(app.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("""
                INSERT INTO labs.labs ("Id", "Title", "ActionFieldId", "Kind", "Status", "RequiredPartnerGroups", "CreatedAt")
                SELECT @lab, @title, "ActionFieldId", "Kind", "Status", "RequiredPartnerGroups", now() FROM labs.labs WHERE "Title" = @template;
                INSERT INTO labs.lab_coordinators ("LabId", "PersonId") VALUES (@lab, @person);
                """, connection);
            command.Parameters.AddWithValue("lab", lab);
            command.Parameters.AddWithValue("title", $"Dashboard-Labor {suffix}");
            command.Parameters.AddWithValue("template", LabsDemoSeeder.CraftsLab);
            command.Parameters.AddWithValue("person", coordinator);
            await command.ExecuteNonQueryAsync();
        }

        var requesterEmail = $"anfrage-{suffix}@example.org";
        var requesterOrganization = $"Anfragende GmbH {suffix}";
        await app.CreateRepresentativeAsync(requesterOrganization, "Rene", "Request", requesterEmail, language: language);
        var requester = await SignInAsync(requesterEmail, language);
        await requester.GotoAsync($"/labs/{lab}");
        await requester.FillAsync("#motivation", "Wir möchten mitmachen.");
        await requester.ClickAsync("form:has(#motivation) button[type=submit]");
        await Assertions.Expect(requester.Locator("#request-pending")).ToBeVisibleAsync();

        var page = await SignInAsync(coordinatorEmail, language);
        await Assertions.Expect(page.Locator("#labs-coordinated-requests")).ToHaveTextAsync(w.Waiting);
        await Browser.ScreenshotAsync(page, $"dashboard-{language}-01-coordinator");
        await page.ClickAsync("#labs-coordinated-requests");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/labs/requests\\?status=Pending&scope=Managed$"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(w.Title);
        var rows = page.Locator("#requests tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows.First).ToContainTextAsync(requesterOrganization);
        await Assertions.Expect(rows.First).ToContainTextAsync($"Dashboard-Labor {suffix}");
        await Browser.ScreenshotAsync(page, $"dashboard-{language}-02-requests");
        await page.Context.CloseAsync();
        await requester.Context.CloseAsync();
    }

    private Task<IPage> SignInAsync(string email, string language) => browser.SignedInPageAsync(app.BaseAddress, email, language);
}
