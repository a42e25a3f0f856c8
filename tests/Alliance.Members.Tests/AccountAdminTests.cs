using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using static Alliance.Members.Tests.AccessHelpers;

namespace Alliance.Members.Tests;

[Collection(SharedAlliance.Collection)]
public sealed class AccountAdminTests(AllianceApp app)
{
    private Task<Guid> AccountIdAsync(string email) =>
        WithDbAsync(app, db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    [Fact]
    public async Task Administrators_list_and_search_accounts_with_roles_and_organisation()
    {
        using var admin = await app.SignedInAsync(DemoUsers.Administrator);

        var all = await admin.GetFromJsonAsync<JsonElement>("/api/members/accounts?pageSize=2");
        Assert.True(all.GetProperty("totalCount").GetInt32() >= 3);
        Assert.Equal(2, all.GetProperty("items").GetArrayLength());

        var found = await admin.GetFromJsonAsync<JsonElement>("/api/members/accounts?search=brandt");
        var item = Assert.Single(found.GetProperty("items").EnumerateArray());
        Assert.Equal(DemoUsers.Representative, item.GetProperty("email").GetString());
        Assert.Equal("Modehaus Brandt", item.GetProperty("organizationName").GetString());
        Assert.Equal(new[] { "Representative" }, item.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).ToArray());
        Assert.False(item.GetProperty("isLockedOut").GetBoolean());
    }

    [Fact]
    public async Task Administrators_change_roles()
    {
        await InviteNewAsync(app, "promote@example.org");
        using (var invitee = app.Anonymous())
        {
            await AcceptAsync(invitee, await InvitationTokenAsync(app, "promote@example.org", "Einladung"), StrongPassword);
        }

        var id = await AccountIdAsync("promote@example.org");
        using var admin = await app.SignedInAsync(DemoUsers.Administrator);

        var response = await admin.PutAsJsonAsync($"/api/members/accounts/{id}/roles", new { roles = new[] { "Staff" } });

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var account = await admin.GetFromJsonAsync<JsonElement>($"/api/members/accounts/{id}");
        Assert.Equal(new[] { "Staff" }, account.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).ToArray());

        // The new role takes effect at the next sign-in.
        using var promoted = await app.SignedInAsync("promote@example.org", StrongPassword);
        Assert.Equal(HttpStatusCode.OK, (await promoted.GetAsync("/api/members/organizations")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await promoted.PostAsJsonAsync("/api/members/invitations", new { firstName = "" })).StatusCode);
    }

    [Fact]
    public async Task An_administrator_cannot_remove_their_own_administrator_role()
    {
        var id = await AccountIdAsync(DemoUsers.Administrator);
        using var admin = await app.SignedInAsync(DemoUsers.Administrator);

        var response = await admin.PutAsJsonAsync($"/api/members/accounts/{id}/roles", new { roles = new[] { "Staff" } });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var account = await admin.GetFromJsonAsync<JsonElement>($"/api/members/accounts/{id}");
        Assert.Contains("Administrator", account.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task Unknown_or_missing_roles_are_a_400_and_an_unknown_account_a_404()
    {
        var id = await AccountIdAsync(DemoUsers.Representative);
        using var admin = await app.SignedInAsync(DemoUsers.Administrator);

        var unknown = await admin.PutAsJsonAsync($"/api/members/accounts/{id}/roles", new { roles = new[] { "King" } });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.True(HasError(await ProblemAsync(unknown), "roles"));

        var empty = await admin.PutAsJsonAsync($"/api/members/accounts/{id}/roles", new { roles = Array.Empty<string>() });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);

        var missing = await admin.PutAsJsonAsync($"/api/members/accounts/{Guid.NewGuid()}/roles", new { roles = new[] { "Staff" } });
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Staff_representatives_and_anonymous_callers_may_not_manage_accounts()
    {
        var id = await AccountIdAsync(DemoUsers.Representative);
        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/api/members/accounts")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PutAsJsonAsync($"/api/members/accounts/{id}/roles", new { roles = new[] { "Administrator" } })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsync($"/api/members/accounts/{id}/unlock", null)).StatusCode);

        using var representative = await app.SignedInAsync(DemoUsers.Representative);
        Assert.Equal(HttpStatusCode.Forbidden, (await representative.PutAsJsonAsync($"/api/members/accounts/{id}/roles", new { roles = new[] { "Administrator" } })).StatusCode);

        using var anonymous = app.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/members/accounts")).StatusCode);

        var roles = await WithDbAsync(app, db => db.UserRoles.Where(r => r.UserId == id).Join(db.Roles, l => l.RoleId, r => r.Id, (_, r) => r.Name).ToListAsync());
        Assert.Equal(["Representative"], roles);
    }

    [Fact]
    public async Task The_admin_pages_are_for_administrators_only()
    {
        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        var forStaff = await staff.GetAsync("/admin/accounts");
        Assert.Equal(HttpStatusCode.Redirect, forStaff.StatusCode);
        Assert.StartsWith("/forbidden", forStaff.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        using var representative = await app.SignedInAsync(DemoUsers.Representative);
        Assert.StartsWith("/forbidden", (await representative.GetAsync("/invitations/new")).Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        using var anonymous = app.Anonymous();
        Assert.StartsWith("/account/login", (await anonymous.GetAsync("/admin/accounts")).Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.StartsWith("/account/login", (await anonymous.GetAsync("/account/profile")).Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        using var admin = await app.SignedInAsync(DemoUsers.Administrator);
        var page = System.Net.WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/accounts?search=brandt"));
        Assert.Contains("Zugänge", page, StringComparison.Ordinal);
        Assert.Contains(DemoUsers.Representative, page, StringComparison.Ordinal);
    }
}
