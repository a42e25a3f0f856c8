using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Alliance.Members.People;

namespace Alliance.Members.Tests;

/// <summary>
/// The directory rule: a representative sees other organisations' people by name only with their consent and never
/// their contact details; their own organisation's people in full; staff everything.
/// </summary>
public sealed class DirectoryRuleTests(AllianceApp app) : IClassFixture<AllianceApp>
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
    public async Task A_representative_sees_hidden_names_as_not_shared_without_contact_details()
    {
        var (hidden, shared, colleague) = await ArrangeAsync();
        using var representative = await app.SignedInAsync(DemoUsers.Representative);

        var hiddenPerson = await representative.GetJsonAsync($"/api/members/people/{hidden}");
        Assert.False(hiddenPerson.GetProperty("nameShared").GetBoolean());
        Assert.Equal(JsonValueKind.Null, hiddenPerson.GetProperty("name").ValueKind);
        Assert.Equal(JsonValueKind.Null, hiddenPerson.GetProperty("lastName").ValueKind);
        Assert.Equal(JsonValueKind.Null, hiddenPerson.GetProperty("email").ValueKind);
        Assert.Equal(JsonValueKind.Null, hiddenPerson.GetProperty("phone").ValueKind);
        Assert.Equal("Bäckerei Krause", hiddenPerson.GetProperty("organizationName").GetString());

        var sharedPerson = await representative.GetJsonAsync($"/api/members/people/{shared}");
        Assert.StartsWith("Otto Offen", sharedPerson.GetProperty("name").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, sharedPerson.GetProperty("email").ValueKind);
        Assert.Equal(JsonValueKind.Null, sharedPerson.GetProperty("consentNameVisible").ValueKind);

        var colleaguePerson = await representative.GetJsonAsync($"/api/members/people/{colleague}");
        Assert.StartsWith("Klara Kollegin", colleaguePerson.GetProperty("name").GetString(), StringComparison.Ordinal);
        Assert.NotEqual(JsonValueKind.Null, colleaguePerson.GetProperty("email").ValueKind);
        Assert.NotEqual(JsonValueKind.Null, colleaguePerson.GetProperty("phone").ValueKind);
    }

    [Fact]
    public async Task The_list_applies_the_same_rule_and_search_reveals_nothing_hidden()
    {
        var (hidden, shared, colleague) = await ArrangeAsync();
        using var representative = await app.SignedInAsync(DemoUsers.Representative);
        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        var bakery = await app.OrganizationIdAsync("Bäckerei Krause");

        var list = await representative.GetJsonAsync($"/api/members/people?organizationId={bakery}&pageSize=100");
        var hiddenItem = list.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == hidden);
        Assert.False(hiddenItem.GetProperty("nameShared").GetBoolean());
        Assert.Equal(JsonValueKind.Null, hiddenItem.GetProperty("name").ValueKind);
        Assert.All(list.GetProperty("items").EnumerateArray(), i => Assert.Equal(JsonValueKind.Null, i.GetProperty("email").ValueKind));

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
    public async Task The_directory_page_shows_name_not_shared()
    {
        var (hidden, _, _) = await ArrangeAsync();
        using var representative = await app.SignedInAsync(DemoUsers.Representative);

        var html = await representative.GetStringAsync($"/people/{hidden}");

        Assert.Contains("Name nicht freigegeben", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Verborgen", html, StringComparison.Ordinal);
    }
}
