using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Alliance.Members.Tests;

// Own host: it creates the journey's Elektro Kaiser GmbH, whose name must be new.
public sealed class OrganizationApiTests(AllianceApp app) : IClassFixture<AllianceApp>
{
    [Fact]
    public async Task Staff_creates_an_organisation_and_finds_it_by_search()
    {
        using var staff = await app.SignedInAsync(DemoUsers.Staff);

        var response = await staff.PostAsJsonAsync("/api/members/organizations", new
        {
            name = "Elektro Kaiser GmbH", partnerGroup = "Company", sector = "Handwerk", employeeCount = 12, district = "Altstadt",
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var page = await staff.GetFromJsonAsync<JsonElement>("/api/members/organizations?search=kaiser");
        var item = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal("Elektro Kaiser GmbH", item.GetProperty("name").GetString());
        Assert.Equal("Small", item.GetProperty("sizeClass").GetString());
    }

    [Fact]
    public async Task Invalid_input_gets_per_field_errors_and_stores_nothing()
    {
        using var staff = await app.SignedInAsync(DemoUsers.Staff);

        var response = await staff.PostAsJsonAsync("/api/members/organizations", new { name = " ", partnerGroup = "Company", website = "not a url" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("name", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("website", out _));
    }

    [Fact]
    public async Task Anonymous_callers_get_401()
    {
        using var anonymous = app.Anonymous();
        var response = await anonymous.GetAsync("/api/members/organizations");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Representatives_may_not_create_organisations()
    {
        using var representative = await app.SignedInAsync(DemoUsers.Representative);
        var response = await representative.PostAsJsonAsync("/api/members/organizations", new { name = "Neu GmbH", partnerGroup = "Company" });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
