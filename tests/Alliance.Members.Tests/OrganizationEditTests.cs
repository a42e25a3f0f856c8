using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Alliance.Members.Organizations;
using Alliance.Members.Persistence;
using Alliance.Shared.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Alliance.Members.Tests;

/// <summary>Detail, update, deactivation of organisations: the happy paths, every validation error, every forbidden path.</summary>
[Collection(SharedAlliance.Collection)]
public sealed class OrganizationEditTests(AllianceApp app)
{
    private async Task<Guid> CreateAsync(HttpClient staff, string name, object? extra = null)
    {
        var response = await staff.PostAsJsonAsync("/api/members/organizations", new
        {
            name, partnerGroup = "Company", sector = "Handwerk", employeeCount = 12, district = "Altstadt", memberSince = "2024-01-01",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task Staff_read_the_details_and_update_every_field()
    {
        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        var id = await CreateAsync(staff, "Tischlerei Sommer");
        var details = await staff.GetJsonAsync($"/api/members/organizations/{id}");
        Assert.True(details.GetProperty("canEdit").GetBoolean());
        Assert.True(details.GetProperty("canManage").GetBoolean());

        var response = await staff.PutAsJsonAsync($"/api/members/organizations/{id}", DirectoryTestData.UpdateBody(details,
            ("name", "Tischlerei Sommer & Söhne"), ("partnerGroup", "Chamber"), ("employeeCount", 260), ("website", "https://sommer.example"),
            ("street", "Lindenweg 3"), ("postalCode", "04109"), ("city", "Leipzig"), ("memberUntil", "2027-12-31")));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var updated = await staff.GetJsonAsync($"/api/members/organizations/{id}");
        Assert.Equal("Tischlerei Sommer & Söhne", updated.GetProperty("name").GetString());
        Assert.Equal("Chamber", updated.GetProperty("partnerGroup").GetString());
        Assert.Equal("Large", updated.GetProperty("sizeClass").GetString());
        Assert.Equal("https://sommer.example", updated.GetProperty("website").GetString());
        Assert.Equal("2027-12-31", updated.GetProperty("memberUntil").GetString());
        Assert.NotEqual(details.GetProperty("version").GetUInt32(), updated.GetProperty("version").GetUInt32());
        Assert.Equal(1, await app.OutboxCountAsync("OrganizationChanged", id));
    }

    [Fact]
    public async Task A_stale_version_gets_409_and_changes_nothing()
    {
        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        var id = await CreateAsync(staff, "Malerbetrieb Gelb");
        var read = await staff.GetJsonAsync($"/api/members/organizations/{id}");
        Assert.Equal(HttpStatusCode.NoContent,
            (await staff.PutAsJsonAsync($"/api/members/organizations/{id}", DirectoryTestData.UpdateBody(read, ("sector", "Maler")))).StatusCode);

        var stale = await staff.PutAsJsonAsync($"/api/members/organizations/{id}", DirectoryTestData.UpdateBody(read, ("sector", "Lackierer")));

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("Maler", (await staff.GetJsonAsync($"/api/members/organizations/{id}")).GetProperty("sector").GetString());
    }

    [Theory]
    [InlineData("name", "", "name")]
    [InlineData("name", "   ", "name")]
    [InlineData("website", "not a url", "website")]
    [InlineData("website", "javascript:alert(1)", "website")]
    [InlineData("postalCode", "!!", "postalCode")]
    [InlineData("employeeCount", -3, "employeeCount")]
    [InlineData("memberUntil", "2000-01-01", "memberUntil")]
    [InlineData("partnerGroup", 99, "partnerGroup")]
    public async Task Invalid_updates_get_a_field_error_and_store_nothing(string field, object value, string errorField)
    {
        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        var id = await CreateAsync(staff, $"Prüfbetrieb {Guid.NewGuid():N}");
        var read = await staff.GetJsonAsync($"/api/members/organizations/{id}");

        var response = await staff.PutAsJsonAsync($"/api/members/organizations/{id}", DirectoryTestData.UpdateBody(read, (field, value)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await DirectoryTestData.ProblemErrorsAsync(response)).TryGetProperty(errorField, out _));
        var after = await staff.GetJsonAsync($"/api/members/organizations/{id}");
        Assert.Equal(read.GetProperty("version").GetUInt32(), after.GetProperty("version").GetUInt32());
    }

    [Fact]
    public async Task Validation_messages_follow_the_callers_language()
    {
        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        var german = await staff.PostAsJsonAsync("/api/members/organizations", new { name = "", partnerGroup = "Company" });
        var english = await staff.PostAsJsonAsync("/api/members/organizations?culture=en", new { name = "", partnerGroup = "Company" });

        var de = (await DirectoryTestData.ProblemErrorsAsync(german)).GetProperty("name")[0].GetString();
        var en = (await DirectoryTestData.ProblemErrorsAsync(english)).GetProperty("name")[0].GetString();
        Assert.NotEqual(de, en);
        Assert.Contains("name", en, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Duplicate_names_regardless_of_case_are_a_field_error_on_create_and_update()
    {
        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        var create = await staff.PostAsJsonAsync("/api/members/organizations", new { name = "  modehaus BRANDT ", partnerGroup = "Company" });
        Assert.Equal(HttpStatusCode.BadRequest, create.StatusCode);
        Assert.True((await DirectoryTestData.ProblemErrorsAsync(create)).TryGetProperty("name", out _));

        var id = await CreateAsync(staff, "Zweiradhaus Pedal");
        var read = await staff.GetJsonAsync($"/api/members/organizations/{id}");
        var update = await staff.PutAsJsonAsync($"/api/members/organizations/{id}", DirectoryTestData.UpdateBody(read, ("name", "SPARKASSE")));
        Assert.Equal(HttpStatusCode.BadRequest, update.StatusCode);
        Assert.True((await DirectoryTestData.ProblemErrorsAsync(update)).TryGetProperty("name", out _));

        // Keeping its own name (in another case) is no duplicate.
        var own = await staff.PutAsJsonAsync($"/api/members/organizations/{id}", DirectoryTestData.UpdateBody(read, ("name", "ZWEIRADHAUS Pedal")));
        Assert.Equal(HttpStatusCode.NoContent, own.StatusCode);
    }

    [Fact]
    public async Task An_unknown_partner_group_is_a_bad_request()
    {
        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        var response = await staff.PostAsJsonAsync("/api/members/organizations", new { name = "Foo GmbH", partnerGroup = "Foo" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True((await DirectoryTestData.ProblemErrorsAsync(response)).TryGetProperty("partnerGroup", out _));
        Assert.False(await app.WithScopeAsync(sp => sp.GetRequiredService<MembersDbContext>().Organizations.AnyAsync(o => o.Name == "Foo GmbH")));
    }

    [Fact]
    public async Task A_representative_edits_the_profile_of_their_own_organisation()
    {
        using var representative = await app.SignedInAsync(DemoUsers.Representative);
        var own = await app.OrganizationIdAsync(DirectoryTestData.RepresentativeOrganizationName);
        var read = await representative.GetJsonAsync($"/api/members/organizations/{own}");
        Assert.True(read.GetProperty("canEdit").GetBoolean());
        Assert.False(read.GetProperty("canManage").GetBoolean());

        var response = await representative.PutAsJsonAsync($"/api/members/organizations/{own}",
            DirectoryTestData.UpdateBody(read, ("website", "https://modehaus-brandt.example"), ("employeeCount", 37)));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(37, (await representative.GetJsonAsync($"/api/members/organizations/{own}")).GetProperty("employeeCount").GetInt32());
    }

    [Theory]
    [InlineData("partnerGroup", "Science")]
    [InlineData("memberSince", "2010-01-01")]
    [InlineData("memberUntil", "2030-12-31")]
    public async Task A_representative_may_not_change_staff_only_fields(string field, string value)
    {
        using var representative = await app.SignedInAsync(DemoUsers.Representative);
        var own = await app.OrganizationIdAsync(DirectoryTestData.RepresentativeOrganizationName);
        var read = await representative.GetJsonAsync($"/api/members/organizations/{own}");

        var response = await representative.PutAsJsonAsync($"/api/members/organizations/{own}", DirectoryTestData.UpdateBody(read, (field, value)));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var after = await representative.GetJsonAsync($"/api/members/organizations/{own}");
        Assert.Equal(read.GetProperty("version").GetUInt32(), after.GetProperty("version").GetUInt32());
    }

    [Fact]
    public async Task A_representative_may_not_edit_another_organisation()
    {
        using var representative = await app.SignedInAsync(DemoUsers.Representative);
        var other = await app.OrganizationIdAsync("Sparkasse");
        var read = await representative.GetJsonAsync($"/api/members/organizations/{other}");
        Assert.False(read.GetProperty("canEdit").GetBoolean());

        var response = await representative.PutAsJsonAsync($"/api/members/organizations/{other}", DirectoryTestData.UpdateBody(read, ("sector", "Bank")));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("Finanzen", (await representative.GetJsonAsync($"/api/members/organizations/{other}")).GetProperty("sector").GetString());
    }

    [Fact]
    public async Task The_same_rules_hold_through_MediatR()
    {
        var representative = await app.PrincipalAsync(DemoUsers.Representative);
        var other = await app.OrganizationIdAsync("Stadtwerke");
        var details = await app.SendAsync(new GetOrganization(other), representative);

        await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsync(new UpdateOrganization(other, details.Name, details.PartnerGroup, "Strom",
            details.EmployeeCount, details.District, null, null, null, null, details.MemberSince, details.MemberUntil, details.Version), representative));
        await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsync(new SetOrganizationActive(other, false), representative));
        await Assert.ThrowsAsync<NotFoundException>(() => app.SendAsync(new GetOrganization(Guid.NewGuid()), representative));
    }

    [Fact]
    public async Task Staff_deactivate_and_reactivate_and_others_may_not()
    {
        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        using var representative = await app.SignedInAsync(DemoUsers.Representative);
        var id = await CreateAsync(staff, "Kfz-Werkstatt Blitz");

        Assert.Equal(HttpStatusCode.Forbidden, (await representative.PostAsync($"/api/members/organizations/{id}/deactivate", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await staff.PostAsync($"/api/members/organizations/{id}/deactivate", null)).StatusCode);

        Assert.False((await staff.GetJsonAsync($"/api/members/organizations/{id}")).GetProperty("isActive").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, (await representative.GetAsync($"/api/members/organizations/{id}")).StatusCode);
        Assert.Equal(0, (await staff.GetJsonAsync("/api/members/organizations?search=Blitz")).GetProperty("totalCount").GetInt32());
        Assert.Equal(1, (await staff.GetJsonAsync("/api/members/organizations?search=Blitz&includeInactive=true")).GetProperty("totalCount").GetInt32());
        Assert.Equal(0, (await representative.GetJsonAsync("/api/members/organizations?search=Blitz&includeInactive=true")).GetProperty("totalCount").GetInt32());

        Assert.Equal(HttpStatusCode.NoContent, (await staff.PostAsync($"/api/members/organizations/{id}/reactivate", null)).StatusCode);
        Assert.True((await representative.GetJsonAsync($"/api/members/organizations/{id}")).GetProperty("isActive").GetBoolean());
        Assert.Equal(2, await app.OutboxCountAsync("OrganizationChanged", id));
    }

    [Fact]
    public async Task Unknown_ids_are_404_and_anonymous_callers_401()
    {
        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        using var anonymous = app.Anonymous();
        var known = await app.OrganizationIdAsync(DirectoryTestData.OfficeName);

        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/api/members/organizations/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.PostAsync($"/api/members/organizations/{Guid.NewGuid()}/deactivate", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/members/organizations/{known}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PutAsJsonAsync($"/api/members/organizations/{known}", new { name = "X" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/members/organizations/export.csv")).StatusCode);
    }
}
