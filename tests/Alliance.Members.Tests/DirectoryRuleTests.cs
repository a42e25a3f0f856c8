using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Alliance.Members.People;

namespace Alliance.Members.Tests;

/// <summary>
/// The directory rule: a representative sees other organisations' people by name only with their consent and never
/// their contact details; their own organisation's people in full; staff everything.
/// </summary>
[Collection(SharedAlliance.Collection)]
public sealed class DirectoryRuleTests(AllianceApp app)
{
    private async Task<(Guid Hidden, Guid Shared, Guid Colleague)> ArrangeAsync()
    {
        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        var other = await app.OrganizationIdAsync("Bäckerei Krause");
        var own = await app.OrganizationIdAsync(DirectoryTestData.RepresentativeOrganizationName);
        var suffix = Guid.NewGuid().ToString("N")[..8];
        return (
            await CreateAsync(staff, ("firstName", "Verena"), ("lastName", "Verborgen" + suffix), ("organizationId", other), ("consentNameVisible", false)),
            await CreateAsync(staff, ("firstName", "Otto"), ("lastName", "Offen" + suffix), ("organizationId", other), ("consentNameVisible", true)),
            await CreateAsync(staff, ("firstName", "Klara"), ("lastName", "Kollegin" + suffix), ("organizationId", own), ("consentNameVisible", false)));
    }

    private static async Task<Guid> CreateAsync(HttpClient staff, params (string, object?)[] fields)
    {
        var response = await staff.PostAsJsonAsync("/api/members/people", DirectoryTestData.PersonBody(fields));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task A_representative_does_not_find_a_withheld_person_at_all_and_sees_no_contact_details_of_others()
    {
        var (hidden, shared, colleague) = await ArrangeAsync();
        using var representative = await app.SignedInAsync(DemoUsers.Representative);

        // Withheld means no identifying combination: not even function + organisation ("the only Geschäftsführung").
        Assert.Equal(HttpStatusCode.NotFound, (await representative.GetAsync($"/api/members/people/{hidden}")).StatusCode);

        var sharedPerson = await representative.GetJsonAsync($"/api/members/people/{shared}");
        Assert.StartsWith("Otto Offen", sharedPerson.GetProperty("name").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, sharedPerson.GetProperty("email").ValueKind);
        Assert.Equal(JsonValueKind.Null, sharedPerson.GetProperty("consentNameVisible").ValueKind);

        // The own organisation's people are colleagues: name and contact details even without consent.
        var colleaguePerson = await representative.GetJsonAsync($"/api/members/people/{colleague}");
        Assert.StartsWith("Klara Kollegin", colleaguePerson.GetProperty("name").GetString(), StringComparison.Ordinal);
        Assert.NotEqual(JsonValueKind.Null, colleaguePerson.GetProperty("email").ValueKind);
        Assert.NotEqual(JsonValueKind.Null, colleaguePerson.GetProperty("phone").ValueKind);
    }

    [Fact]
    public async Task The_list_leaves_withheld_people_out_and_search_reveals_nothing_hidden()
    {
        var (hidden, shared, colleague) = await ArrangeAsync();
        using var representative = await app.SignedInAsync(DemoUsers.Representative);
        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        var bakery = await app.OrganizationIdAsync("Bäckerei Krause");

        var list = await representative.GetJsonAsync($"/api/members/people?organizationId={bakery}&pageSize=100");
        var items = list.GetProperty("items").EnumerateArray().ToList();
        Assert.DoesNotContain(items, i => i.GetProperty("id").GetGuid() == hidden);
        Assert.Contains(items, i => i.GetProperty("id").GetGuid() == shared);
        Assert.All(items, i => Assert.True(i.GetProperty("nameShared").GetBoolean()));
        Assert.All(items, i => Assert.Equal(JsonValueKind.Null, i.GetProperty("email").ValueKind));
        Assert.Equal(items.Count, list.GetProperty("totalCount").GetInt32());

        var staffList = await staff.GetJsonAsync($"/api/members/people?organizationId={bakery}&pageSize=100");
        Assert.Contains(staffList.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetGuid() == hidden);

        Assert.Equal(0, (await representative.GetJsonAsync("/api/members/people?search=Verena%20Verborgen")).GetProperty("totalCount").GetInt32());
        var hiddenEmail = (await staff.GetJsonAsync($"/api/members/people/{hidden}")).GetProperty("email").GetString()!;
        Assert.Equal(0, (await representative.GetJsonAsync($"/api/members/people?search={Uri.EscapeDataString(hiddenEmail)}")).GetProperty("totalCount").GetInt32());
        Assert.Equal(1, (await staff.GetJsonAsync($"/api/members/people?search={Uri.EscapeDataString(hiddenEmail)}")).GetProperty("totalCount").GetInt32());

        var found = await representative.GetJsonAsync("/api/members/people?search=Otto%20Offen");
        Assert.Contains(found.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetGuid() == shared);
        var colleagueEmail = (await staff.GetJsonAsync($"/api/members/people/{colleague}")).GetProperty("email").GetString()!;
        var byColleagueEmail = await representative.GetJsonAsync($"/api/members/people?search={Uri.EscapeDataString(colleagueEmail)}");
        Assert.Equal(colleague, Assert.Single(byColleagueEmail.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Staff_see_everyone_in_full()
    {
        var (hidden, _, _) = await ArrangeAsync();
        var staff = await app.PrincipalAsync(DemoUsers.Staff);

        var person = await app.SendAsync(new GetPerson(hidden), staff);

        Assert.True(person.NameShared);
        Assert.StartsWith("Verena Verborgen", person.Name, StringComparison.Ordinal);
        Assert.NotNull(person.Email);
        Assert.False(person.ConsentNameVisible);
    }

    [Fact]
    public async Task No_page_shows_a_withheld_person_by_function_and_organisation()
    {
        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        var bakery = await app.OrganizationIdAsync("Bäckerei Krause");
        // ASCII only: the page encodes umlauts as entities, which would make the absence checks pass vacuously.
        var function = "Einzige Leitung " + Guid.NewGuid().ToString("N")[..6];
        var hidden = await CreateAsync(staff, ("firstName", "Wera"), ("lastName", "Withheld"), ("function", function),
            ("organizationId", bakery), ("consentNameVisible", false));
        using var representative = await app.SignedInAsync(DemoUsers.Representative);

        Assert.Equal(HttpStatusCode.NotFound, (await representative.GetAsync($"/people/{hidden}")).StatusCode);
        foreach (var url in new[] { "/people", $"/people?organizationId={bakery}", $"/organizations/{bakery}" })
        {
            var html = await representative.GetStringAsync(url);
            Assert.DoesNotContain(function, html, StringComparison.Ordinal);
            Assert.DoesNotContain(hidden.ToString(), html, StringComparison.Ordinal);
        }

        // The office still sees her in full.
        Assert.Contains(function, await staff.GetStringAsync($"/organizations/{bakery}"), StringComparison.Ordinal);
    }
}
