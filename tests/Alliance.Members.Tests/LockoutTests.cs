using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Alliance.Members.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using static Alliance.Members.Tests.AccessHelpers;

namespace Alliance.Members.Tests;

public sealed class LockoutTests(AccessApp app) : IClassFixture<AccessApp>
{
    [Fact]
    public async Task Ten_wrong_passwords_lock_the_account_and_the_right_one_is_refused_until_the_lockout_ends()
    {
        const string email = "lockout@example.org";
        await InviteNewAsync(app, email);
        using (var invitee = app.Anonymous())
        {
            Assert.Equal(HttpStatusCode.NoContent, (await AcceptAsync(invitee, await InvitationTokenAsync(app, email, "Einladung"), StrongPassword)).StatusCode);
        }

        using var client = app.Anonymous();
        var titles = new List<string?>();
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var wrong = await client.PostAsJsonAsync("/api/members/account/login", new { email, password = "falsch-" + attempt });
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
            titles.Add((await wrong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        }

        // The fifth failure locks (Identity: 5 attempts); from then on every answer says so.
        Assert.All(titles.Take(4), title => Assert.Equal("Sign-in failed", title));
        Assert.All(titles.Skip(4), title => Assert.Equal("Locked out", title));

        var right = await client.PostAsJsonAsync("/api/members/account/login", new { email, password = StrongPassword });
        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        var problem = await right.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Locked out", problem.GetProperty("title").GetString());
        Assert.Equal("Zu viele Fehlversuche: Der Zugang ist für 15 Minuten gesperrt.", problem.GetProperty("detail").GetString());

        var lockoutEnd = await app.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<UserAccount>>();
            return await users.GetLockoutEndDateAsync((await users.FindByEmailAsync(email))!);
        });
        Assert.NotNull(lockoutEnd);
        Assert.InRange(lockoutEnd.Value - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15.5));

        // The lockout ends when its end time has passed: move it into the past instead of waiting 15 minutes.
        await app.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<UserAccount>>();
            return await users.SetLockoutEndDateAsync((await users.FindByEmailAsync(email))!, DateTimeOffset.UtcNow.AddSeconds(-1));
        });
        var afterwards = await client.PostAsJsonAsync("/api/members/account/login", new { email, password = StrongPassword });
        Assert.Equal(HttpStatusCode.NoContent, afterwards.StatusCode);
    }

    [Fact]
    public async Task An_administrator_unlocks_a_locked_account()
    {
        const string email = "unlock@example.org";
        var personId = await InviteNewAsync(app, email);
        using (var invitee = app.Anonymous())
        {
            await AcceptAsync(invitee, await InvitationTokenAsync(app, email, "Einladung"), StrongPassword);
        }

        using var client = app.Anonymous();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await client.PostAsJsonAsync("/api/members/account/login", new { email, password = "falsch" });
        }

        var account = (await AccountOfAsync(app, personId))!;
        using var admin = await app.SignedInAsync(DemoUsers.Administrator);
        var listed = await admin.GetFromJsonAsync<JsonElement>($"/api/members/accounts/{account.Id}");
        Assert.True(listed.GetProperty("isLockedOut").GetBoolean());

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/members/accounts/{account.Id}/unlock", null)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync("/api/members/account/login", new { email, password = StrongPassword })).StatusCode);
    }
}
