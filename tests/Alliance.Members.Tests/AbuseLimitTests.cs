using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Alliance.Members.Accounts;
using Alliance.Members.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using static Alliance.Members.Tests.AccessHelpers;

namespace Alliance.Members.Tests;

/// <summary>The host with small limits, so the tests reach them quickly.</summary>
public sealed class LimitedApp : AllianceApp
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Security:RateLimits:SignIn:PermitLimit"] = "5",
        ["Security:RateLimits:PasswordReset:PermitLimit"] = "3",
        ["Security:RateLimits:TokenLink:PermitLimit"] = "4",
        ["Security:RateLimits:TokenGuess:PermitLimit"] = "4",
        ["Security:RateLimits:CalendarFeed:PermitLimit"] = "4",
        ["Security:SignIn:FreeFailures"] = "3",
        ["Security:SignIn:FirstDelay"] = "00:00:02",
        ["Security:SignIn:MaxDelay"] = "00:00:04",
        ["Security:PasswordReset:MailsPerHour"] = "2",
    };
}

/// <summary>Issue 9, "Abuse limits": per-IP rate limits, per-address sign-in waits, no enumeration, no mail flood.</summary>
public sealed class AbuseLimitTests(LimitedApp app) : IClassFixture<LimitedApp>
{
    private static int _nextAddress;

    /// <summary>A client that the host sees as coming from its own IP address (through the trusted loopback proxy).</summary>
    private HttpClient FromOwnAddress()
    {
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", $"10.9.{Interlocked.Increment(ref _nextAddress) / 250}.{_nextAddress % 250 + 1}");
        return client;
    }

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password, string culture = "de") =>
        client.PostAsJsonAsync($"/api/members/account/login?culture={culture}", new { email, password });

    private Task ClearWaitAsync(string email)
    {
        app.Services.GetRequiredService<SignInThrottle>().Clear(email);
        return Task.CompletedTask;
    }

    private static async Task<string> BodyWithoutTraceIdAsync(HttpResponseMessage response)
    {
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        body.Remove("traceId");
        return body.ToJsonString();
    }

    [Fact]
    public async Task An_unknown_address_gets_the_same_answer_as_a_wrong_password_in_comparable_time()
    {
        var unknownTimes = new List<double>();
        var wrongTimes = new List<double>();
        string? unknownBody = null, wrongBody = null;
        for (var round = 0; round < 8; round++)
        {
            // Each attempt from a fresh address and with a cleared wait: only the work of checking is measured.
            await ClearWaitAsync(DemoUsers.Staff);
            using (var client = FromOwnAddress())
            {
                var watch = Stopwatch.StartNew();
                var wrong = await SignInAsync(client, DemoUsers.Staff, "falsches-passwort-" + round);
                wrongTimes.Add(watch.Elapsed.TotalMilliseconds);
                Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
                wrongBody = await BodyWithoutTraceIdAsync(wrong);
            }

            using (var client = FromOwnAddress())
            {
                var watch = Stopwatch.StartNew();
                var unknown = await SignInAsync(client, $"niemand-{round}@example.org", "falsches-passwort-" + round);
                unknownTimes.Add(watch.Elapsed.TotalMilliseconds);
                Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
                unknownBody = await BodyWithoutTraceIdAsync(unknown);
            }
        }

        Assert.Equal(wrongBody, unknownBody);
        Assert.Contains("E-Mail-Adresse oder Passwort ist falsch.", unknownBody, StringComparison.Ordinal);

        // Medians without the first (warm-up) round: within a small factor of each other (before: 238 ms vs 9 ms).
        static double Median(List<double> times) => times.Skip(1).Order().ElementAt(times.Count / 2 - 1);
        var (known, unknownMedian) = (Median(wrongTimes), Median(unknownTimes));
        Assert.True(Math.Max(known, unknownMedian) / Math.Min(known, unknownMedian) < 3,
            $"wrong password: {known:F0} ms, unknown address: {unknownMedian:F0} ms");
    }

    [Fact]
    public async Task Failed_sign_ins_make_the_address_wait_with_429_and_Retry_After_known_or_not()
    {
        const string email = "waiting@example.org";
        await app.CreateRepresentativeAsync("Wartehaus GmbH", "Wanda", "Warte", email);
        // The known address last, so its wait (2 s) is still running when the right password is tried below, however
        // slowly a busy machine answers the unknown address's three attempts.
        foreach (var address in new[] { "gibt-es-nicht@example.org", email })
        {
            using var client = FromOwnAddress();
            Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(client, address, "falsch-1")).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(client, address, "falsch-2")).StatusCode);

            // The third failure (Security:SignIn:FreeFailures) starts a wait of FirstDelay (2 s).
            var third = await SignInAsync(client, address, "falsch-3");
            Assert.Equal((HttpStatusCode)429, third.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(2), third.Headers.RetryAfter?.Delta);
            var problem = await ProblemAsync(third);
            Assert.Equal("Zu viele Anfragen.", problem.GetProperty("title").GetString());
            Assert.Equal("Zu viele Fehlversuche mit dieser E-Mail-Adresse. Bitte versuchen Sie es in 2 Sekunden erneut.", problem.GetProperty("detail").GetString());
        }

        // While it waits, even the right password is not checked; afterwards it works.
        using var owner = FromOwnAddress();
        var early = await SignInAsync(owner, email, DemoUsers.Password, culture: "en");
        Assert.Equal((HttpStatusCode)429, early.StatusCode);
        Assert.StartsWith("Too many failed attempts with this e-mail address. Please try again in", (await ProblemAsync(early)).GetProperty("detail").GetString());
        await Task.Delay(TimeSpan.FromSeconds(2.2));
        Assert.Equal(HttpStatusCode.NoContent, (await SignInAsync(owner, email, DemoUsers.Password)).StatusCode);
    }

    [Fact]
    public async Task A_stranger_cannot_keep_the_administrator_out_longer_than_the_longest_wait()
    {
        using var stranger = FromOwnAddress();
        var statuses = new List<HttpStatusCode>();
        var watch = Stopwatch.StartNew();
        // The stranger keeps trying for 6 s, from many addresses (so the per-IP limit does not stop them first).
        while (watch.Elapsed < TimeSpan.FromSeconds(6))
        {
            using var client = FromOwnAddress();
            statuses.Add((await SignInAsync(client, DemoUsers.Administrator, "geraten-" + statuses.Count)).StatusCode);
            await Task.Delay(100);
        }

        Assert.All(statuses, status => Assert.Contains(status, new[] { HttpStatusCode.Unauthorized, (HttpStatusCode)429 }));
        Assert.Contains((HttpStatusCode)429, statuses);

        // The waits doubled (2 s, 4 s) and stopped at MaxDelay (4 s): at most that after the stranger's last try,
        // the administrator is in. Attempts during a wait did not extend it.
        var admin = await app.WithScopeAsync(sp => Task.FromResult(sp.GetRequiredService<SignInThrottle>().WaitFor(DemoUsers.Administrator)));
        Assert.True(admin is null || admin <= TimeSpan.FromSeconds(4), $"waits {admin}");
        await Task.Delay((admin ?? TimeSpan.Zero) + TimeSpan.FromMilliseconds(200));
        using var owner = FromOwnAddress();
        Assert.Equal(HttpStatusCode.NoContent, (await SignInAsync(owner, DemoUsers.Administrator, DemoUsers.Password)).StatusCode);
    }

    [Fact]
    public async Task A_password_reset_ends_the_wait_at_once()
    {
        const string email = "reset-wait@example.org";
        await app.CreateRepresentativeAsync("Wartehaus GmbH", "Rita", "Reset", email);
        using var stranger = FromOwnAddress();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            await SignInAsync(stranger, email, "falsch-" + attempt);
        }

        using var owner = FromOwnAddress();
        Assert.Equal((HttpStatusCode)429, (await SignInAsync(owner, email, DemoUsers.Password)).StatusCode);
        var token = await app.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<UserAccount>>();
            return await users.GeneratePasswordResetTokenAsync((await users.FindByEmailAsync(email))!);
        });
        var reset = await owner.PostAsJsonAsync("/api/members/account/reset-password", new { email, token, password = "neues-passwort-9", confirmPassword = "neues-passwort-9" });
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await SignInAsync(owner, email, "neues-passwort-9")).StatusCode);
    }

    [Fact]
    public async Task One_address_may_try_only_so_often_per_minute_then_429_with_Retry_After()
    {
        using var client = FromOwnAddress();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            // Different unknown addresses: only the per-IP limit (5 per minute) counts.
            Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(client, $"ip-limit-{attempt}@example.org", "falsch")).StatusCode);
        }

        var limited = await SignInAsync(client, "ip-limit-5@example.org", "falsch", culture: "en");
        Assert.Equal((HttpStatusCode)429, limited.StatusCode);
        Assert.NotNull(limited.Headers.RetryAfter?.Delta);
        Assert.InRange(limited.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        var problem = await ProblemAsync(limited);
        Assert.Equal("Too many requests.", problem.GetProperty("title").GetString());
        Assert.StartsWith("Please try again in", problem.GetProperty("detail").GetString());

        // The sign-in page's form counts too and answers with the localized page; viewing the page does not count.
        var page = await client.GetAsync("/account/login");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var form = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login", ["Input.Email"] = "ip-limit@example.org", ["Input.Password"] = "falsch",
        }));
        Assert.Equal((HttpStatusCode)429, form.StatusCode);
        Assert.NotNull(form.Headers.RetryAfter);
        Assert.Contains("Zu viele Anfragen", await form.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Another address is not affected.
        using var other = FromOwnAddress();
        Assert.Equal(HttpStatusCode.NoContent, (await SignInAsync(other, DemoUsers.Staff, DemoUsers.Password)).StatusCode);
    }

    [Fact]
    public async Task Forgot_password_sends_at_most_the_hourly_allowance_of_mails_to_one_address()
    {
        const string email = "flood@example.org";
        await app.CreateRepresentativeAsync("Wartehaus GmbH", "Frieda", "Flut", email);
        for (var request = 0; request < 6; request++)
        {
            // From six addresses, so only the per-address allowance (2 per hour) applies.
            using var client = FromOwnAddress();
            Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsJsonAsync("/api/members/account/forgot-password", new { email })).StatusCode);
        }

        await Eventually.Until(() => app.MailsToAsync(email), mails => mails.Count >= 2, what: "two reset mails");
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(2, (await app.MailsToAsync(email)).Count);

        // One IP may ask three times per window (PasswordReset limit), then 429.
        using var same = FromOwnAddress();
        for (var request = 0; request < 3; request++)
        {
            Assert.Equal(HttpStatusCode.Accepted, (await same.PostAsJsonAsync("/api/members/account/forgot-password", new { email = $"x{request}@example.org" })).StatusCode);
        }

        var limited = await same.PostAsJsonAsync("/api/members/account/forgot-password", new { email = "x3@example.org" });
        Assert.Equal((HttpStatusCode)429, limited.StatusCode);
        Assert.NotNull(limited.Headers.RetryAfter);
    }

    [Fact]
    public async Task Token_links_are_throttled_per_address_on_page_and_api()
    {
        // Every guess is a different link, so the per-link allowance never stops it: the unknown tokens do.
        using var client = FromOwnAddress();
        for (var guess = 0; guess < 4; guess++)
        {
            var answer = guess % 2 == 0
                ? await client.GetAsync($"/api/members/account/invitations/geraten-{guess}")
                : await client.GetAsync($"/account/invitation/geraten-{guess}");
            Assert.NotEqual((HttpStatusCode)429, answer.StatusCode);
            if (guess % 2 == 1)
            {
                // An unknown link's page is the localized "not found" page, not an empty 404.
                Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
                Assert.Contains("Seite nicht gefunden", WebUtility.HtmlDecode(await answer.Content.ReadAsStringAsync()), StringComparison.Ordinal);
            }
        }

        var api = await client.GetAsync("/api/members/account/invitations/geraten-4");
        Assert.Equal((HttpStatusCode)429, api.StatusCode);
        Assert.NotNull(api.Headers.RetryAfter);
        var page = await client.GetAsync("/account/invitation/geraten-5");
        Assert.Equal((HttpStatusCode)429, page.StatusCode);
        Assert.NotNull(page.Headers.RetryAfter);
        Assert.Contains("Zu viele Anfragen", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Colleagues_behind_one_proxy_each_use_their_own_link_and_one_link_keeps_its_limit()
    {
        string[] emails = ["kollegin.eins@proxy.example", "kollege.zwei@proxy.example"];
        using (var staff = await app.SignedInAsync(DemoUsers.Staff))
        {
            var organizationId = await OrganizationIdAsync(app);
            foreach (var email in emails)
            {
                var invited = await staff.PostAsJsonAsync("/api/members/invitations", new
                {
                    firstName = "Kim", lastName = "Proxy", email, organizationId, preferredLanguage = "de", role = "Representative",
                });
                Assert.Equal(HttpStatusCode.Created, invited.StatusCode);
            }
        }

        // One company address (the whole staff behind one proxy): each person's link has its own allowance.
        using var company = FromOwnAddress();
        var tokens = new List<string>();
        foreach (var email in emails)
        {
            tokens.Add(await InvitationTokenAsync(app, email, "Einladung"));
        }

        foreach (var token in tokens)
        {
            for (var visit = 0; visit < 4; visit++)
            {
                Assert.Equal(HttpStatusCode.OK, (await company.GetAsync($"/account/invitation/{token}")).StatusCode);
            }
        }

        // One link opened more often than its allowance is still refused.
        var again = await company.GetAsync($"/account/invitation/{tokens[0]}");
        Assert.Equal((HttpStatusCode)429, again.StatusCode);
        Assert.NotNull(again.Headers.RetryAfter);
    }

    [Fact]
    public async Task Anonymous_calendar_feeds_are_throttled_per_address()
    {
        using var client = FromOwnAddress();
        var token = new string('a', 64);
        for (var request = 0; request < 4; request++)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/calendar/{token}.ics")).StatusCode);
        }

        var limited = await client.GetAsync($"/calendar/series/{token}.ics");
        // Both feeds share the limit of one address.
        Assert.Equal((HttpStatusCode)429, limited.StatusCode);
        Assert.NotNull(limited.Headers.RetryAfter);
    }
}
