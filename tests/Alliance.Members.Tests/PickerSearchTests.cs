using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;

namespace Alliance.Members.Tests;

/// <summary>
/// The pickers' search APIs on the demo data (counts cross-checked in SQL): at most 20 a page, paged, only names the
/// caller may see, 400 for a missing or too long term; and the forms that used to load whole tables stay small.
/// </summary>
// Own host: it weighs the people and organisation lists of the demo alliance as seeded.
public sealed class PickerSearchTests(AllianceApp app) : IClassFixture<AllianceApp>
{
    private async Task<long> CountAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return (long)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task People_search_pages_at_most_twenty_and_counts_what_sql_counts()
    {
        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        var expected = await CountAsync("""
            SELECT count(*) FROM members.people
            WHERE "ErasedAt" IS NULL AND ("FirstName" || ' ' || "LastName") ILIKE '%e%'
            """);
        Assert.True(expected > 20, $"the demo data should have more than 20 people with an e, has {expected}");

        var first = await staff.GetJsonAsync("/api/members/people/search?q=e&pageSize=50");
        Assert.Equal(20, first.GetProperty("pageSize").GetInt32());
        Assert.Equal(20, first.GetProperty("items").GetArrayLength());
        Assert.Equal(expected, first.GetProperty("totalCount").GetInt32());

        var second = await staff.GetJsonAsync("/api/members/people/search?q=e&page=2");
        var firstIds = first.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToHashSet();
        var secondIds = second.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
        Assert.Equal((int)Math.Min(20, expected - 20), secondIds.Count);
        Assert.DoesNotContain(secondIds, firstIds.Contains);
        Assert.All(first.GetProperty("items").EnumerateArray(), i => Assert.Contains("e", i.GetProperty("name").GetString()!, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_representative_finds_only_colleagues_and_people_who_show_their_name()
    {
        var own = await app.OrganizationIdAsync(DirectoryTestData.RepresentativeOrganizationName);
        var other = await app.OrganizationIdAsync("Bäckerei Krause");
        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        var suffix = Guid.NewGuid().ToString("N")[..8];
        foreach (var (first, org, consent) in new[] { ("Verena", other, false), ("Otto", other, true), ("Klara", own, false) })
        {
            var response = await staff.PostAsJsonAsync("/api/members/people", DirectoryTestData.PersonBody(
                ("firstName", first), ("lastName", "Pickertest" + suffix), ("organizationId", org), ("consentNameVisible", consent)));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }

        using var representative = await app.SignedInAsync(DemoUsers.Representative);
        var found = await representative.GetJsonAsync($"/api/members/people/search?q=Pickertest{suffix}");
        var names = found.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()).Order().ToList();
        Assert.Equal([$"Klara Pickertest{suffix}", $"Otto Pickertest{suffix}"], names);

        // The same rule over all demo people, counted in SQL.
        var visible = await CountAsync("""
            SELECT count(*) FROM members.people p LEFT JOIN members.organizations o ON o."Id" = p."OrganizationId"
            WHERE p."ErasedAt" IS NULL AND ("FirstName" || ' ' || "LastName") ILIKE '%a%'
              AND (p."OrganizationId" = @own OR (p."ConsentNameVisible" AND o."IsActive"))
            """, ("own", own));
        var all = await representative.GetJsonAsync("/api/members/people/search?q=a");
        Assert.Equal(visible, all.GetProperty("totalCount").GetInt32());
        Assert.True(visible < await CountAsync("""SELECT count(*) FROM members.people WHERE "ErasedAt" IS NULL AND ("FirstName" || ' ' || "LastName") ILIKE '%a%'"""));
    }

    [Fact]
    public async Task Every_word_of_the_term_matches_anywhere_in_the_name_in_any_order()
    {
        var brandt = await CountAsync("""SELECT count(*) FROM members.people WHERE "FirstName" = 'Thomas' AND "LastName" = 'Brandt' AND "ErasedAt" IS NULL""");
        Assert.Equal(1, brandt);
        foreach (var user in new[] { DemoUsers.Staff, DemoUsers.Representative })
        {
            using var client = await app.SignedInAsync(user);
            foreach (var term in new[] { "Brandt Thomas", "thomas brandt", "  brandt   thom ", "Bran Thomas" })
            {
                var found = await client.GetJsonAsync($"/api/members/people/search?q={Uri.EscapeDataString(term)}");
                Assert.Contains("Thomas Brandt", Names(found));
                var words = term.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                Assert.All(Names(found), n => Assert.All(words, w => Assert.Contains(w, n!, StringComparison.OrdinalIgnoreCase)));
            }

            // All words are required: a word in no name finds nothing.
            Assert.Equal(0, (await client.GetJsonAsync("/api/members/people/search?q=Brandt%20Thomas%20Zzyzx")).GetProperty("totalCount").GetInt32());
        }

        // Organisations likewise, word by word; a typed % or _ is still matched as itself.
        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        Assert.Equal(["Bäckerei Krause"], Names(await staff.GetJsonAsync("/api/members/organizations/search?q=Krause%20B%C3%A4ckerei")));
        Assert.Equal(0, (await staff.GetJsonAsync("/api/members/organizations/search?q=Krause%20%25")).GetProperty("totalCount").GetInt32());
        Assert.Equal(0, (await staff.GetJsonAsync("/api/members/organizations/search?q=Krause%20_")).GetProperty("totalCount").GetInt32());

        // More than five words: the five longest decide (the shortest, "q", is left out), so the query stays five conditions.
        Assert.Contains("Thomas Brandt", Names(await staff.GetJsonAsync($"/api/members/people/search?q={Uri.EscapeDataString("Brandt Thom Bra Tho Thomas q")}")));
        Assert.Equal(0, (await staff.GetJsonAsync($"/api/members/people/search?q={Uri.EscapeDataString("Brandt Thom Bra Tho Thomas qqqq")}")).GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task A_hidden_name_is_not_found_by_its_words_in_any_order()
    {
        var other = await app.OrganizationIdAsync("Bäckerei Krause");
        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        var suffix = Guid.NewGuid().ToString("N")[..8];
        foreach (var (first, consent) in new[] { ("Wiebke", false), ("Wendelin", true) })
        {
            var response = await staff.PostAsJsonAsync("/api/members/people", DirectoryTestData.PersonBody(
                ("firstName", first), ("lastName", "Wortsuche" + suffix), ("organizationId", other), ("consentNameVisible", consent)));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }

        using var representative = await app.SignedInAsync(DemoUsers.Representative);
        foreach (var term in new[] { $"Wortsuche{suffix} Wiebke", $"Wiebke Wortsuche{suffix}", $"wiebke wortsuche{suffix[..4]}", $"Wortsuche{suffix} W" })
        {
            var url = $"/api/members/people/search?q={Uri.EscapeDataString(term)}";
            var names = Names(await representative.GetJsonAsync(url));
            Assert.DoesNotContain($"Wiebke Wortsuche{suffix}", names);
            // The office reads every name, so the same words find her there.
            Assert.Contains($"Wiebke Wortsuche{suffix}", Names(await staff.GetJsonAsync(url)));
        }

        Assert.Equal([$"Wendelin Wortsuche{suffix}"], Names(await representative.GetJsonAsync($"/api/members/people/search?q=Wortsuche{suffix}%20W")));
        Assert.Equal([$"Wendelin Wortsuche{suffix}"], Names(await representative.GetJsonAsync($"/api/members/people/search?q=Wendelin%20Wortsuche{suffix}")));
    }

    private static List<string?> Names(JsonElement page) => [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString())];

    [Fact]
    public async Task Organisation_search_finds_active_members_by_name_with_the_district_as_hint()
    {
        using var representative = await app.SignedInAsync(DemoUsers.Representative);
        var expected = await CountAsync("""SELECT count(*) FROM members.organizations WHERE "IsActive" AND "Name" ILIKE '%er%'""");
        var found = await representative.GetJsonAsync("/api/members/organizations/search?q=er&pageSize=100");
        Assert.Equal(expected, found.GetProperty("totalCount").GetInt32());
        Assert.Equal((int)Math.Min(20, expected), found.GetProperty("items").GetArrayLength());

        var bakery = await representative.GetJsonAsync("/api/members/organizations/search?q=B%C3%A4ckerei%20Krause");
        var item = Assert.Single(bakery.GetProperty("items").EnumerateArray());
        Assert.Equal("Bäckerei Krause", item.GetProperty("name").GetString());
        Assert.Equal(await app.OrganizationIdAsync("Bäckerei Krause"), item.GetProperty("id").GetGuid());
    }

    [Theory]
    [InlineData("/api/members/people/search")]
    [InlineData("/api/members/people/search?q=%20%20")]
    [InlineData("/api/members/organizations/search")]
    [InlineData("/api/members/organizations/search?q=")]
    public async Task A_search_without_a_term_is_a_bad_request_naming_the_field(string url)
    {
        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        var response = await staff.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(problem.GetProperty("errors").EnumerateObject(), e => e.Name.Equals("q", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_too_long_term_is_a_bad_request_and_anonymous_callers_are_turned_away()
    {
        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.GetAsync("/api/members/organizations/search?q=" + new string('x', 101))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/api/members/organizations/search?q=" + new string('x', 100))).StatusCode);
        using var anonymous = app.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/members/people/search?q=Brandt")).StatusCode);
    }

    [Theory]
    [InlineData("/people/new")]
    [InlineData("/invitations/new")]
    [InlineData("/people")]
    [InlineData("/labs/new")]
    [InlineData("/meetings/new")]
    public async Task Forms_and_filters_no_longer_carry_every_organisation_and_person(string url)
    {
        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        var html = WebUtility.HtmlDecode(await staff.GetStringAsync(url));
        var organizations = await NamesAsync("""SELECT "Name" FROM members.organizations WHERE "IsActive" """);
        var people = await NamesAsync("""SELECT "FirstName" || ' ' || "LastName" FROM members.people WHERE "ErasedAt" IS NULL""");
        Assert.True(organizations.Count > 10, "the demo data has many organisations");
        // The people list shows one page of people with their organisations; forms show none until one searches.
        var limit = url == "/people" ? 26 : 1;
        Assert.True(organizations.Count(html.Contains) <= limit, $"{url} names {organizations.Count(html.Contains)} organisations");
        Assert.True(people.Count(html.Contains) <= (url == "/people" ? 26 : 1), $"{url} names {people.Count(html.Contains)} people");
    }

    private async Task<List<string>> NamesAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var names = new List<string>();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }
}
