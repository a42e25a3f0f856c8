using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Alliance.Members.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Alliance.Members.Tests;

/// <summary>
/// Issue 8, "typed values are text": the organisation forms (new, edit) are posted like a browser — antiforgery token
/// and <c>_handler</c> from the GET — with a mistyped number and date, an empty optional date and a validator error.
/// Each message shows inline under its field in the page's language, all at once, the framework's English "is not
/// valid for" never appears, and nothing is stored.
/// </summary>
[Collection(SharedAlliance.Collection)]
public sealed class TypedFormFieldsTests(AllianceApp app)
{
    public static TheoryData<string> Languages => ["de", "en"];

    private static readonly Dictionary<string, (string NotANumber, string NotADate, string NameRequired, string PostalCode)> Texts = new()
    {
        ["de"] = ("Bitte eine ganze Zahl eingeben.", "Bitte ein Datum eingeben.", "Bitte geben Sie einen Namen ein.", "Bitte geben Sie eine gültige Postleitzahl ein."),
        ["en"] = ("Please enter a whole number.", "Please enter a date.", "Please enter a name.", "Please enter a valid postal code."),
    };

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task The_new_organisation_form_names_a_mistyped_number_and_date_with_the_missing_name_and_stores_nothing(string language)
    {
        var text = Texts[language];
        using var staff = await app.SignedInWithLanguageAsync(DemoUsers.Staff, language);
        var before = await OrganizationCountAsync();

        var page = await staff.PostFormAsync("/organizations/new", "organization-new", new Dictionary<string, string>
        {
            ["Input.Name"] = "",
            ["Input.PartnerGroup"] = "Company",
            ["Input.Sector"] = "Handwerk",
            ["Input.EmployeeCount"] = "viele",
            ["Input.MemberSince"] = "gestern",
            ["Input.MemberUntil"] = "",
        });

        Assert.Equal(text.NotANumber, FormPosts.ErrorOf(page, "employeeCount"));
        Assert.Equal(text.NotADate, FormPosts.ErrorOf(page, "memberSince"));
        Assert.Equal("", FormPosts.ErrorOf(page, "memberUntil"));
        Assert.Equal(text.NameRequired, FormPosts.ErrorOf(page, "name"));
        Assert.DoesNotContain("is not valid for", page, StringComparison.Ordinal);
        Assert.Equal(before, await OrganizationCountAsync());
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task The_organisation_edit_form_names_a_mistyped_number_and_date_with_the_validators_errors_and_changes_nothing(string language)
    {
        var text = Texts[language];
        using var staff = await app.SignedInWithLanguageAsync(DemoUsers.Staff, language);
        var created = await staff.PostAsJsonAsync("/api/members/organizations", new
        {
            name = $"Formularprobe {language} {Guid.NewGuid():N}"[..26], partnerGroup = "Company", employeeCount = 12, memberSince = "2024-01-01",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var before = await staff.GetJsonAsync($"/api/members/organizations/{id}");

        var page = await staff.PostFormAsync($"/organizations/{id}/edit", "organization-edit", new Dictionary<string, string>
        {
            ["Input.Version"] = before.GetProperty("version").GetUInt32().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Name"] = "",
            ["Input.PartnerGroup"] = "Company",
            ["Input.EmployeeCount"] = "12,5",
            ["Input.PostalCode"] = "x",
            ["Input.MemberSince"] = "",
            ["Input.MemberUntil"] = "2027-02-30",
        });

        Assert.Equal(text.NotANumber, FormPosts.ErrorOf(page, "employeeCount"));
        Assert.Equal(text.NotADate, FormPosts.ErrorOf(page, "memberUntil"));
        Assert.Equal("", FormPosts.ErrorOf(page, "memberSince"));
        Assert.Equal(text.NameRequired, FormPosts.ErrorOf(page, "name"));
        Assert.Equal(text.PostalCode, FormPosts.ErrorOf(page, "postalCode"));
        Assert.DoesNotContain("is not valid for", page, StringComparison.Ordinal);
        var after = await staff.GetJsonAsync($"/api/members/organizations/{id}");
        foreach (var field in new[] { "name", "employeeCount", "memberSince", "version" })
        {
            Assert.Equal(before.GetProperty(field).ToString(), after.GetProperty(field).ToString());
        }
    }

    private Task<int> OrganizationCountAsync() =>
        app.WithScopeAsync(sp => sp.GetRequiredService<MembersDbContext>().Organizations.CountAsync());
}
