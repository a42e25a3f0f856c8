using System.Net;
using Npgsql;
using Xunit.Abstractions;

namespace Alliance.Host.Tests;

/// <summary>
/// Issue 13, "page weight flat as the alliance grows": the people list and the forms with organisation and person
/// pickers weigh the same with 1,000 organisations and 2,500 people as with twice that, and stay under a bound —
/// pickers search as you type and lists are paged, so no page carries a whole table. (Before the pickers the
/// people page carried every active organisation in its filter, /labs/new every contact: 19 KB → 434 KB and 2.4 MB
/// on 5,000 organisations.) The directory grows by set-based SQL, a second each step.
/// </summary>
public sealed class PageWeightTests(AllianceApp app, ITestOutputHelper output) : IClassFixture<AllianceApp>
{
    /// <summary>No page here comes near it with one page of rows; a page with a whole table of 1,000 names does.</summary>
    private const int MaxPageBytes = 64 * 1024;

    /// <summary>What may differ between the two sizes: numbers in counts and page links ("2.500" → "5.000").</summary>
    private const int MaxGrowthBytes = 200;

    private static readonly string[] Pages = ["/people", "/labs/new", "/meetings/new"];

    [Fact]
    public async Task People_new_lab_and_new_meeting_pages_weigh_the_same_with_twice_the_directory()
    {
        using var staff = await app.SignedInAsync(DemoUsers.Staff);

        await GrowDirectoryAsync(from: 0, organizations: 1_000);
        var first = await SizesAsync(staff);
        await GrowDirectoryAsync(from: 1_000, organizations: 1_000);
        var second = await SizesAsync(staff);

        foreach (var page in Pages)
        {
            output.WriteLine($"{page}: {first[page]:N0} bytes with 1,000 seeded organisations, {second[page]:N0} with 2,000");
            Assert.True(second[page] <= MaxPageBytes, $"{page} weighs {second[page]:N0} bytes");
            Assert.True(second[page] - first[page] <= MaxGrowthBytes, $"{page} grew from {first[page]:N0} to {second[page]:N0} bytes");
        }
    }

    private static async Task<Dictionary<string, int>> SizesAsync(HttpClient client)
    {
        var sizes = new Dictionary<string, int>();
        foreach (var page in Pages)
        {
            var response = await client.GetAsync(new Uri(page, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            sizes[page] = (await response.Content.ReadAsByteArrayAsync()).Length;
        }

        return sizes;
    }

    /// <summary>
    /// Active organisations (Members and the Labs copy) with five people each, every one with an e-mail address
    /// and consent to be contacted, names shown — the most a picker could be tempted to list.
    /// </summary>
    private async Task GrowDirectoryAsync(int from, int organizations)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            CREATE TEMP TABLE weight_orgs ON COMMIT DROP AS
            SELECT n, md5('weight-org' || n)::uuid AS id, format('Gewicht %s Handel GmbH', n) AS name, n % 7 AS partner_group
            FROM generate_series(@from, @from + @count - 1) AS n;

            INSERT INTO members.organizations ("Id", "Name", "NormalizedName", "PartnerGroup", "Sector", "SizeClass", "EmployeeCount", "District",
              "Street", "PostalCode", "City", "Website", "MemberSince", "MemberUntil", "IsActive", "CreatedAt", "UpdatedAt", "Revision")
            SELECT id, name, upper(name), partner_group, 'Handel', n % 5, 10, 'Altstadt', 'Hauptstraße 1', '10115', 'Musterstadt', NULL,
                   DATE '2020-01-01', NULL, true, now(), now(), 1
            FROM weight_orgs;

            INSERT INTO labs.organizations ("Id", "Name", "PartnerGroup", "SourceVersion")
            SELECT id, name, partner_group, 1 FROM weight_orgs;

            INSERT INTO members.people ("Id", "FirstName", "LastName", "Email", "Phone", "Function", "OrganizationId", "PreferredLanguage",
              "ConsentContactByEmail", "ConsentContactByEmailAt", "ConsentNameVisible", "ConsentNameVisibleAt", "CreatedAt", "UpdatedAt", "ErasedAt", "Revision")
            SELECT md5('weight-person' || o.n || '-' || k)::uuid, format('Vorname%s', k), format('Nachname%s', o.n),
                   format('person%s-%s@weight.example', o.n, k), NULL, 'Ansprechperson', o.id, 'de', true, now(), true, now(), now(), now(), NULL, 1
            FROM weight_orgs o, generate_series(1, 5) AS k;
            """, connection);
        command.Parameters.AddWithValue("from", from);
        command.Parameters.AddWithValue("count", organizations);
        await using var transaction = await connection.BeginTransactionAsync();
        command.Transaction = transaction;
        await command.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }
}
