using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Alliance.Members.People;
using Alliance.Members.Persistence;
using Alliance.Shared.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Alliance.Members.Tests;

/// <summary>People: create and edit (staff), validation, consents with their dates, stale writes, paging and search.</summary>
[Collection(SharedAlliance.Collection)]
public sealed class PeopleTests(AllianceApp app)
{
    private static async Task<Guid> CreateAsync(HttpClient staff, Dictionary<string, object?> body)
    {
        var response = await staff.PostAsJsonAsync("/api/members/people", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static Dictionary<string, object?> UpdateBody(JsonElement read, params (string Field, object? Value)[] changes)
    {
        var body = DirectoryTestData.PersonBody(
            ("firstName", read.GetProperty("firstName").GetString()), ("lastName", read.GetProperty("lastName").GetString()),
            ("email", read.GetProperty("email").GetString()), ("phone", read.GetProperty("phone").GetString()),
            ("function", read.GetProperty("function").GetString()),
            ("organizationId", read.GetProperty("organizationId").ValueKind == JsonValueKind.Null ? null : read.GetProperty("organizationId").GetGuid()),
            ("preferredLanguage", read.GetProperty("preferredLanguage").GetString()),
            ("consentContactByEmail", read.GetProperty("consentContactByEmail").GetBoolean()),
            ("consentNameVisible", read.GetProperty("consentNameVisible").GetBoolean()));
        body["version"] = read.GetProperty("version").GetUInt32();
        foreach (var (field, value) in changes)
        {
            body[field] = value;
        }

        return body;
    }

    [Fact]
    public async Task Staff_add_a_person_and_the_server_dates_the_consents()
    {
        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        var organization = await app.OrganizationIdAsync("Tischlerei Hoffmann");
        var id = await CreateAsync(staff, DirectoryTestData.PersonBody(("organizationId", organization), ("email", "  Karin.Kaiser@Elektro-Kaiser.example ")));

        var person = await staff.GetJsonAsync($"/api/members/people/{id}");
        Assert.Equal("Karin Kaiser", person.GetProperty("name").GetString());
        Assert.Equal("Karin.Kaiser@Elektro-Kaiser.example", person.GetProperty("email").GetString());
        Assert.Equal("Tischlerei Hoffmann", person.GetProperty("organizationName").GetString());
        Assert.True(person.GetProperty("consentContactByEmail").GetBoolean());
        Assert.NotEqual(JsonValueKind.Null, person.GetProperty("consentContactByEmailAt").ValueKind);
        Assert.False(person.GetProperty("consentNameVisible").GetBoolean());
        Assert.Equal(JsonValueKind.Null, person.GetProperty("consentNameVisibleAt").ValueKind);
        Assert.False(person.GetProperty("hasAccount").GetBoolean());
    }

    [Fact]
    public async Task Editing_sets_and_clears_consent_dates_and_publishes_the_change()
    {
        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        var id = await CreateAsync(staff, DirectoryTestData.PersonBody());
        var read = await staff.GetJsonAsync($"/api/members/people/{id}");

        var response = await staff.PutAsJsonAsync($"/api/members/people/{id}", UpdateBody(read,
            ("consentContactByEmail", false), ("consentNameVisible", true), ("preferredLanguage", "en"), ("function", "Inhaberin")));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var after = await staff.GetJsonAsync($"/api/members/people/{id}");
        Assert.Equal(JsonValueKind.Null, after.GetProperty("consentContactByEmailAt").ValueKind);
        Assert.NotEqual(JsonValueKind.Null, after.GetProperty("consentNameVisibleAt").ValueKind);
        Assert.Equal("en", after.GetProperty("preferredLanguage").GetString());
        Assert.Equal("Inhaberin", after.GetProperty("function").GetString());
        Assert.Equal(1, await app.OutboxCountAsync("PersonChanged", id));
    }

    [Fact]
    public async Task A_stale_version_gets_409()
    {
        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        var id = await CreateAsync(staff, DirectoryTestData.PersonBody());
        var read = await staff.GetJsonAsync($"/api/members/people/{id}");
        Assert.Equal(HttpStatusCode.NoContent, (await staff.PutAsJsonAsync($"/api/members/people/{id}", UpdateBody(read, ("phone", "0341 1")))).StatusCode);

        var stale = await staff.PutAsJsonAsync($"/api/members/people/{id}", UpdateBody(read, ("phone", "0341 2")));

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("0341 1", (await staff.GetJsonAsync($"/api/members/people/{id}")).GetProperty("phone").GetString());
    }

    [Theory]
    [InlineData("firstName", "", "firstName")]
    [InlineData("lastName", " ", "lastName")]
    [InlineData("email", "", "email")]
    [InlineData("email", "kaiser-at-example", "email")]
    [InlineData("email", "kaiser@example", "email")]
    [InlineData("email", "ka iser@example.org", "email")]
    [InlineData("phone", "call me", "phone")]
    [InlineData("preferredLanguage", "fr", "preferredLanguage")]
    [InlineData("organizationId", "7d1c7a8e-0000-4000-8000-000000000000", "organizationId")]
    public async Task Invalid_people_get_a_field_error_and_nothing_is_stored(string field, string value, string errorField)
    {
        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        var marker = $"nobody.{Guid.NewGuid():N}@example.org";
        var body = DirectoryTestData.PersonBody(("email", marker), (field, value));

        var response = await staff.PostAsJsonAsync("/api/members/people", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await DirectoryTestData.ProblemErrorsAsync(response)).TryGetProperty(errorField, out _));
        Assert.False(await app.WithScopeAsync(sp => sp.GetRequiredService<MembersDbContext>().People.AnyAsync(p => p.Email == marker)));
    }

    [Fact]
    public async Task E_mail_addresses_are_unique_regardless_of_case()
    {
        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        var email = $"doppelt.{Guid.NewGuid():N}@example.org";
        var first = await CreateAsync(staff, DirectoryTestData.PersonBody(("email", email)));

        var duplicate = await staff.PostAsJsonAsync("/api/members/people", DirectoryTestData.PersonBody(("email", email.ToUpperInvariant())));
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.True((await DirectoryTestData.ProblemErrorsAsync(duplicate)).TryGetProperty("email", out _));

        var second = await CreateAsync(staff, DirectoryTestData.PersonBody());
        var read = await staff.GetJsonAsync($"/api/members/people/{second}");
        var update = await staff.PutAsJsonAsync($"/api/members/people/{second}", UpdateBody(read, ("email", email)));
        Assert.Equal(HttpStatusCode.BadRequest, update.StatusCode);

        // Saving a person with their own address is no duplicate.
        var own = await staff.GetJsonAsync($"/api/members/people/{first}");
        Assert.Equal(HttpStatusCode.NoContent, (await staff.PutAsJsonAsync($"/api/members/people/{first}", UpdateBody(own))).StatusCode);
    }

    [Fact]
    public async Task Representatives_and_anonymous_callers_may_not_add_or_edit_people()
    {
        using var representative = await app.SignedInAsync(DemoUsers.Representative);
        using var anonymous = app.Anonymous();
        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        var own = await app.OrganizationIdAsync(DirectoryTestData.RepresentativeOrganizationName);
        var id = await CreateAsync(staff, DirectoryTestData.PersonBody(("organizationId", own)));
        var read = await staff.GetJsonAsync($"/api/members/people/{id}");

        Assert.Equal(HttpStatusCode.Forbidden, (await representative.PostAsJsonAsync("/api/members/people", DirectoryTestData.PersonBody(("organizationId", own)))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await representative.PutAsJsonAsync($"/api/members/people/{id}", UpdateBody(read, ("function", "x")))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/members/people")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/members/people", DirectoryTestData.PersonBody())).StatusCode);

        var principal = await app.PrincipalAsync(DemoUsers.Representative);
        await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsync(
            new CreatePerson("Eva", "Engel", $"eva.{Guid.NewGuid():N}@example.org", null, null, own, "de", false, false), principal));
    }

    [Fact]
    public async Task Unknown_people_are_404()
    {
        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/api/members/people/{Guid.NewGuid()}")).StatusCode);
        var update = await staff.PutAsJsonAsync($"/api/members/people/{Guid.NewGuid()}", DirectoryTestData.PersonBody(("version", 1)));
        Assert.Equal(HttpStatusCode.NotFound, update.StatusCode);
    }

    [Fact]
    public async Task The_list_is_paged_searchable_and_filtered_by_organisation()
    {
        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        var all = await staff.GetJsonAsync("/api/members/people?pageSize=30");
        Assert.True(all.GetProperty("totalCount").GetInt32() >= 80);
        Assert.Equal(30, all.GetProperty("items").GetArrayLength());
        var second = await staff.GetJsonAsync("/api/members/people?pageSize=30&page=2");
        var firstIds = all.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToHashSet();
        Assert.DoesNotContain(second.GetProperty("items").EnumerateArray(), i => firstIds.Contains(i.GetProperty("id").GetGuid()));

        var office = await app.OrganizationIdAsync(DirectoryTestData.OfficeName);
        var ofOffice = await staff.GetJsonAsync($"/api/members/people?organizationId={office}");
        Assert.All(ofOffice.GetProperty("items").EnumerateArray(), i => Assert.Equal(office, i.GetProperty("organizationId").GetGuid()));
        Assert.Contains(ofOffice.GetProperty("items").EnumerateArray(), i => i.GetProperty("name").GetString() == "Jonas Weber");

        var byEmail = await staff.GetJsonAsync("/api/members/people?search=GESCHAEFTSSTELLE@allianz");
        Assert.Equal("Jonas Weber", Assert.Single(byEmail.GetProperty("items").EnumerateArray()).GetProperty("name").GetString());
        var byName = await staff.GetJsonAsync("/api/members/people?search=jonas%20web");
        Assert.Contains(byName.GetProperty("items").EnumerateArray(), i => i.GetProperty("name").GetString() == "Jonas Weber");
        Assert.True(Assert.Single(byEmail.GetProperty("items").EnumerateArray()).GetProperty("hasAccount").GetBoolean());
    }
}
