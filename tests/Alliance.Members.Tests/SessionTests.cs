using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using static Alliance.Members.Tests.AccessHelpers;

namespace Alliance.Members.Tests;

/// <summary>Issue 9, "Sessions": a login cookie stops working after sign-out, password change or reset, and role change.</summary>
[Collection(SharedAlliance.Collection)]
public sealed class SessionTests(AllianceApp app)
{
    /// <summary>Signs in and returns the client together with its login cookie, as someone could copy it out of the browser.</summary>
    private async Task<(HttpClient Client, string Cookie)> SignInAsync(string email, string password = DemoUsers.Password)
    {
        var cookies = new CookieContainer();
        var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync("/api/members/account/login", new { email, password })).StatusCode);
        return (client, cookies.GetCookies(app.BaseAddress)["alliance.auth"]!.Value);
    }

    /// <summary>A fresh client that only carries the copied cookie.</summary>
    private HttpClient WithCookie(string cookie)
    {
        var client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };
        client.DefaultRequestHeaders.Add("Cookie", "alliance.auth=" + cookie);
        return client;
    }

    [Fact]
    public async Task A_copied_cookie_stops_working_after_sign_out()
    {
        await app.CreateRepresentativeAsync("Sitzung AG", "Siegfried", "Sitz", "session-out@example.org");
        var (client, cookie) = await SignInAsync("session-out@example.org");
        using var copy = WithCookie(cookie);
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/api/members/me")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/api/members/account/logout", null)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await copy.GetAsync("/api/members/me")).StatusCode);
        // A page with the copied cookie sends the browser to the sign-in page.
        var page = await copy.GetAsync("/account/profile");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/account/login", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        client.Dispose();
    }

    [Fact]
    public async Task A_password_change_ends_other_sessions_and_keeps_the_one_that_changed_it()
    {
        await app.CreateRepresentativeAsync("Sitzung AG", "Paula", "Passwort", "session-password@example.org");
        var (laptop, _) = await SignInAsync("session-password@example.org");
        var (_, phoneCookie) = await SignInAsync("session-password@example.org");
        using var phone = WithCookie(phoneCookie);
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("/api/members/me")).StatusCode);

        var changed = await laptop.PostAsJsonAsync("/api/members/me/password",
            new { currentPassword = DemoUsers.Password, newPassword = StrongPassword, confirmPassword = StrongPassword });
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await phone.GetAsync("/api/members/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync("/api/members/me")).StatusCode);
        laptop.Dispose();
    }

    [Fact]
    public async Task A_role_change_ends_the_sessions_of_the_account_at_once()
    {
        await app.CreateRepresentativeAsync("Sitzung AG", "Rolf", "Rolle", "session-role@example.org");
        var (_, cookie) = await SignInAsync("session-role@example.org");
        using var session = WithCookie(cookie);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/api/members/me")).StatusCode);

        var accountId = await WithDbAsync(app, db => db.Users.Where(u => u.Email == "session-role@example.org").Select(u => u.Id).SingleAsync());
        using var admin = await app.SignedInAsync(DemoUsers.Administrator);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync($"/api/members/accounts/{accountId}/roles", new { roles = new[] { "Staff" } })).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await session.GetAsync("/api/members/me")).StatusCode);
        // The administrator's own session is untouched.
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/members/me")).StatusCode);
    }
}
