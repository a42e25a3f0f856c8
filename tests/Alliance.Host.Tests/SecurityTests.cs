using System.Net;
using System.Net.Http.Json;
using Alliance.Shared.Web;

namespace Alliance.Host.Tests;

/// <summary>Issue 9, "Sessions and headers" and two 500s: response headers, HTTPS behind a proxy, safe redirects, the jobs dashboard.</summary>
[Collection(SharedAlliance.Collection)]
public sealed class SecurityTests(AllianceApp app)
{
    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : "";

    [Fact]
    public async Task Pages_and_api_answers_carry_a_script_policy_permissions_policy_and_no_store()
    {
        using var anonymous = app.Anonymous();
        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        foreach (var response in new[]
                 {
                     await anonymous.GetAsync("/account/login"),
                     await staff.GetAsync("/"),
                     await staff.GetAsync("/people"),
                     await staff.GetAsync("/api/members/organizations"),
                     await staff.GetAsync("/api/members/organizations/export.csv"),
                     await anonymous.GetAsync("/gibt-es-nicht"),
                 })
        {
            var what = response.RequestMessage!.RequestUri!.PathAndQuery;
            Assert.True(Header(response, "Content-Security-Policy") == SecurityHeaders.ContentSecurityPolicy, what);
            Assert.Contains("script-src 'self';", SecurityHeaders.ContentSecurityPolicy, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", SecurityHeaders.ContentSecurityPolicy, StringComparison.Ordinal);
            Assert.True(Header(response, "Permissions-Policy").Contains("camera=()", StringComparison.Ordinal), what);
            Assert.True(Header(response, "Cache-Control").Contains("no-store", StringComparison.Ordinal), $"{what}: {Header(response, "Cache-Control")}");
            Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
            Assert.Equal("DENY", Header(response, "X-Frame-Options"));
            Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        }

        // Static files keep their caching; they carry the other headers all the same.
        var css = await anonymous.GetAsync("/css/app.css");
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.DoesNotContain("no-store", Header(css, "Cache-Control"), StringComparison.Ordinal);
        Assert.Equal("nosniff", Header(css, "X-Content-Type-Options"));
    }

    [Fact]
    public async Task The_api_reference_and_jobs_dashboard_allow_their_inline_scripts_only()
    {
        using var admin = await app.SignedInAsync(DemoUsers.Administrator);
        foreach (var path in new[] { "/api/docs/", "/jobs" })
        {
            var response = await admin.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(SecurityHeaders.ToolContentSecurityPolicy, Header(response, "Content-Security-Policy"));
            Assert.Contains("no-store", Header(response, "Cache-Control"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Over_https_at_the_proxy_there_is_HSTS_and_the_cookies_are_secure_and_over_http_neither()
    {
        using var client = app.Anonymous();
        // The host believes X-Forwarded-Proto from loopback (a reverse proxy on the same machine).
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/members/account/login") { Content = JsonContent.Create(new { email = DemoUsers.Staff, password = DemoUsers.Password }) };
        request.Headers.Host = "allianz.example";
        request.Headers.Add("X-Forwarded-Proto", "https");
        var https = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NoContent, https.StatusCode);
        Assert.StartsWith("max-age=", Header(https, "Strict-Transport-Security"), StringComparison.Ordinal);
        var cookies = https.Headers.GetValues("Set-Cookie").ToList();
        Assert.Contains(cookies, c => c.StartsWith("alliance.auth=", StringComparison.Ordinal) && c.Contains("secure", StringComparison.OrdinalIgnoreCase) && c.Contains("httponly", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal) && c.Contains("secure", StringComparison.OrdinalIgnoreCase));

        var page = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        page.Headers.Host = "allianz.example";
        page.Headers.Add("X-Forwarded-Proto", "https");
        var form = await app.Anonymous().SendAsync(page);
        Assert.Contains(form.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal) && c.Contains("secure", StringComparison.OrdinalIgnoreCase));

        using var plain = app.Anonymous();
        var http = await plain.PostAsJsonAsync("/api/members/account/login", new { email = DemoUsers.Staff, password = DemoUsers.Password });
        Assert.Equal(HttpStatusCode.NoContent, http.StatusCode);
        Assert.Equal("", Header(http, "Strict-Transport-Security"));
        Assert.DoesNotContain(http.Headers.GetValues("Set-Cookie"), c => c.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("de", "Formular abgelaufen")]
    [InlineData("en", "Form expired")]
    public async Task A_page_form_whose_antiforgery_token_failed_gets_the_localized_form_expired_page_and_changes_nothing(string language, string title)
    {
        // A browser restarted with the tab restored posts the form without its antiforgery cookie.
        using var client = app.Anonymous();
        var request = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "login", ["__RequestVerificationToken"] = "stale", ["Input.Email"] = DemoUsers.Staff, ["Input.Password"] = DemoUsers.Password,
            }),
        };
        request.Headers.Add("Cookie", $".AspNetCore.Culture=c={language}|uic={language}");
        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(title, html, StringComparison.Ordinal);
        Assert.Contains($"lang=\"{language}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("antiforgery token was not provided", html, StringComparison.OrdinalIgnoreCase);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("alliance.auth=", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("/%5Cevil", "/")]
    [InlineData("/%5C%5Cevil.example", "/")]
    [InlineData("//evil.example", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("/%09/evil.example", "/")]
    [InlineData("", "/")]
    [InlineData("/labs?page=2", "/labs?page=2")]
    [InlineData("/", "/")]
    public async Task The_language_switch_goes_back_only_to_pages_of_this_site(string returnUrl, string expected)
    {
        using var client = app.Anonymous();
        var response = await client.GetAsync($"/culture/en?returnUrl={(returnUrl.StartsWith('/') ? returnUrl : Uri.EscapeDataString(returnUrl))}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location!.OriginalString);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Culture=c%3Den", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_dashboard_counters_answer_405_to_a_get_and_415_to_a_non_form_post_instead_of_500()
    {
        using var admin = await app.SignedInAsync(DemoUsers.Administrator);
        var get = await admin.GetAsync("/jobs/stats");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, get.StatusCode);
        Assert.Contains("POST", get.Content.Headers.Allow);

        var json = await admin.PostAsJsonAsync("/jobs/stats", new { metrics = new[] { "enqueued:count" } });
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);

        // The dashboard itself still works for administrators.
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/jobs")).StatusCode);
    }
}
