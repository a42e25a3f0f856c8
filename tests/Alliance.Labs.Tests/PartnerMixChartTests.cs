using System.Net;
using System.Text.RegularExpressions;
using Alliance.Labs.Demo;
using Npgsql;

namespace Alliance.Labs.Tests;

/// <summary>Issue 10: the lab page draws its partner-group mix as a chart whose data table holds the counts SQL counts.</summary>
[Collection(SharedAlliance.Collection)]
public sealed partial class PartnerMixChartTests(AllianceApp app)
{
    [Theory]
    [InlineData("de", "Partnergruppen im Reallabor")]
    [InlineData("en", "Partner groups in the lab")]
    public async Task The_lab_page_charts_its_members_per_partner_group_with_the_numbers_as_a_table(string language, string caption)
    {
        var labId = await app.LabIdAsync(LabsDemoSeeder.CraftsLab);
        var expected = new Dictionary<int, long>();
        await using (var connection = new NpgsqlConnection(app.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("""
                SELECT o."PartnerGroup", count(*) FROM labs.memberships m JOIN labs.organizations o ON o."Id" = m."OrganizationId"
                WHERE m."LabId" = @lab AND m."LeftAt" IS NULL GROUP BY 1
                """, connection);
            command.Parameters.AddWithValue("lab", labId);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                expected[reader.GetInt32(0)] = reader.GetInt64(1);
            }
        }

        Assert.NotEmpty(expected);
        using var client = await app.SignedInAsync(DemoUsers.Staff);
        await client.GetAsync($"/culture/{language}?returnUrl=/");
        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/labs/{labId}"));
        var figure = Figure().Match(html);
        Assert.True(figure.Success, "no partner-mix chart on the lab page");
        Assert.Contains($"<caption>{caption}</caption>", figure.Value, StringComparison.Ordinal);
        Assert.Contains("<img", figure.Value, StringComparison.Ordinal);

        var rows = Row().Matches(figure.Value).ToDictionary(m => m.Groups[1].Value, m => long.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expected.Values.Sum(), rows.Values.Sum());
        Assert.Equal(expected.Count, rows.Values.Count(v => v > 0));
        Assert.Equal(expected.Values.Order(), rows.Values.Where(v => v > 0).Order());
    }

    [GeneratedRegex("""<figure class="chart" id="partner-mix">.*?</figure>""", RegexOptions.Singleline)]
    private static partial Regex Figure();

    [GeneratedRegex("""<th scope="row">([^<]+)</th>\s*<td class="text-end">(\d+)</td>""")]
    private static partial Regex Row();
}
