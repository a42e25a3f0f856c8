using System.Net;
using Npgsql;

namespace Alliance.Host.Tests;

/// <summary>The demo alliance without the job server, so no occurrence is created while a test looks at the dashboard.</summary>
public sealed class QuietDashboardApp : AllianceApp
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Jobs:RunServer"] = "false" };
}

/// <summary>
/// The dashboard says what needs the user now: a "what needs me now" card appears only when it has something, and when
/// none has, one quiet line says so in the user's language.
/// </summary>
public sealed class DashboardTests(QuietDashboardApp app) : IClassFixture<QuietDashboardApp>
{
    [Theory]
    [InlineData("de", "Gerade braucht nichts Ihre Aufmerksamkeit.")]
    [InlineData("en", "Nothing needs you right now.")]
    public async Task Cards_show_only_with_something_to_do_and_otherwise_one_line_says_nothing_needs_you(string language, string nothing)
    {
        // Staff: the demo alliance has open requests, proposals and overdue tasks.
        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        await staff.GetAsync($"/culture/{language}?returnUrl=/");
        var staffPage = WebUtility.HtmlDecode(await staff.GetStringAsync("/"));
        Assert.Contains("id=\"labs-staff-card\"", staffPage);
        Assert.DoesNotContain("dashboard-nothing", staffPage);
        Assert.DoesNotContain(nothing, staffPage);

        // A representative of a new organisation, with every meeting of the alliance in the past: no task, request,
        // proposal, survey, funding application or coming meeting concerns her.
        await using (var connection = new NpgsqlConnection(app.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("""
                UPDATE meetings.meetings SET "StartsAt" = "StartsAt" - interval '20 years', "EndsAt" = "EndsAt" - interval '20 years'
                WHERE "StartsAt" > now() - interval '1 year'
                """, connection);
            await command.ExecuteNonQueryAsync();
        }

        var suffix = Guid.NewGuid().ToString("N")[..6];
        var email = $"ruhig-{suffix}@example.org";
        await app.CreateRepresentativeAsync($"Neu GmbH {suffix}", "Nora", "Neu", email, language: language);
        using var representative = await app.SignedInAsync(email);
        await representative.GetAsync($"/culture/{language}?returnUrl=/");
        var page = WebUtility.HtmlDecode(await representative.GetStringAsync("/"));
        Assert.Contains($"<p class=\"text-body-secondary\" id=\"dashboard-nothing\">{nothing}</p>", page);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(page, "id=\"dashboard-nothing\""));
        Assert.DoesNotContain("labs-member-card", page);
        Assert.DoesNotContain("surveys-waiting-card", page);
        Assert.DoesNotContain("funding-representative-card", page);
        Assert.DoesNotContain("meetings-card", page);
    }
}
