using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Alliance.Members.Accounts;
using Alliance.Members.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using static Alliance.Members.Tests.AccessHelpers;

namespace Alliance.Members.Tests;

[Collection(SharedAlliance.Collection)]
public sealed class LockoutTests(AllianceApp app)
{
    [Fact]
    public async Task Five_wrong_passwords_make_the_address_wait_and_the_right_one_is_refused_until_the_wait_ends()
    {
        const string email = "lockout@example.org";
        await InviteNewAsync(app, email);
        using (var invitee = app.Anonymous())
        {
            Assert.Equal(HttpStatusCode.NoContent, (await AcceptAsync(invitee, await InvitationTokenAsync(app, email, "Einladung"), StrongPassword)).StatusCode);
        }

        using var client = app.Anonymous();
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            statuses.Add((await client.PostAsJsonAsync("/api/members/account/login", new { email, password = "falsch-" + attempt })).StatusCode);
        }

        // The fifth failure starts a wait of 30 seconds (defaults); no hard lockout, nothing stored on the account.
        Assert.All(statuses.Take(4), status => Assert.Equal(HttpStatusCode.Unauthorized, status));
        Assert.Equal((HttpStatusCode)429, statuses[4]);

        var right = await client.PostAsJsonAsync("/api/members/account/login", new { email, password = StrongPassword });
        Assert.Equal((HttpStatusCode)429, right.StatusCode);
        Assert.InRange(right.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromSeconds(25), TimeSpan.FromSeconds(30));
        var problem = await right.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Zu viele Anfragen.", problem.GetProperty("title").GetString());
        Assert.Equal("Zu viele Fehlversuche mit dieser E-Mail-Adresse. Bitte versuchen Sie es in 30 Sekunden erneut.", problem.GetProperty("detail").GetString());

        var lockoutEnd = await app.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<UserAccount>>();
            return await users.GetLockoutEndDateAsync((await users.FindByEmailAsync(email))!);
        });
        Assert.Null(lockoutEnd);

        // The wait ends by itself: clear it instead of waiting 30 seconds.
        app.Services.GetRequiredService<SignInThrottle>().Clear(email);
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
