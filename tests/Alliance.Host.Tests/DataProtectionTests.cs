using System.Net;
using Alliance.Shared.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Alliance.Host.Tests;

/// <summary>The key ring lives in the database: sign-ins survive a restart, and it is the database that decides.</summary>
// Own host: it restarts the host and changes the key ring in the database.
public sealed class DataProtectionTests(AllianceApp app) : IClassFixture<AllianceApp>
{
    [Fact]
    public async Task A_login_cookie_survives_a_restart_because_the_keys_are_in_the_database()
    {
        using var client = await app.SignedInAsync(DemoUsers.Staff);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/members/organizations")).StatusCode);
        Assert.True(await KeyCountAsync() >= 1);

        await app.StartHostAsync(new Dictionary<string, string?>());
        // Same cookie jar (cookies are kept per host name, not per port); the new host may listen on another port.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Organizations())).StatusCode);

        // Without the stored keys the same cookie is worthless: the database, not a local folder, holds the ring.
        await app.WithScopeAsync(sp => sp.GetRequiredService<MailDbContext>().DataProtectionKeys.ExecuteDeleteAsync());
        await app.StartHostAsync(new Dictionary<string, string?>());
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(Organizations())).StatusCode);
    }

    private Uri Organizations() => new(app.BaseAddress, "/api/members/organizations");

    private Task<int> KeyCountAsync() =>
        app.WithScopeAsync(sp => sp.GetRequiredService<MailDbContext>().DataProtectionKeys.CountAsync());
}
