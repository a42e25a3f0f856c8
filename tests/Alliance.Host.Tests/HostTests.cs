using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Alliance.Shared.Mail;

namespace Alliance.Host.Tests;

[Collection(SharedAlliance.Collection)]
public sealed partial class HostTests(AllianceApp app)
{
    private IReadOnlyList<RouteEndpoint> Endpoints =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

    [Fact]
    public async Task Liveness_answers_200_without_sign_in()
    {
        using var client = app.Anonymous();
        var response = await client.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Readiness_is_200_when_every_migration_is_applied_and_503_when_one_is_missing()
    {
        using var client = app.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);

        // Take one applied migration out of the kernel's history: the database no longer matches the code.
        var removed = await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<MailDbContext>();
            var last = (await db.Database.GetAppliedMigrationsAsync()).Last();
            await db.Database.ExecuteSqlAsync($"DELETE FROM mail.\"__EFMigrationsHistory\" WHERE \"MigrationId\" = {last}");
            return last;
        });
        try
        {
            var notReady = await client.GetAsync("/health/ready");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.StatusCode);
            Assert.Equal("Unhealthy", await notReady.Content.ReadAsStringAsync());
            // Liveness does not depend on the database.
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        }
        finally
        {
            await app.WithScopeAsync(sp => sp.GetRequiredService<MailDbContext>().Database.ExecuteSqlAsync(
                $"INSERT INTO mail.\"__EFMigrationsHistory\" (\"MigrationId\", \"ProductVersion\") VALUES ({removed}, '10.0.5')"));
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_lists_every_api_route_with_a_summary()
    {
        using var client = await app.SignedInAsync(DemoUsers.Staff);
        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = document.GetProperty("paths");
        var documented = paths.EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => (Path: Normalize(path.Name), Method: operation.Name.ToUpperInvariant(), Operation: operation.Value)))
            .ToList();

        var mapped = Endpoints
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .Where(e => e.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>() is not { ExcludeFromDescription: true })
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(method => (Path: Normalize(e.RoutePattern.RawText!), Method: method)))
            .ToList();

        Assert.NotEmpty(mapped);
        Assert.Contains(mapped, m => m.Path == "/api/members/organizations" && m.Method == "POST");
        foreach (var (path, method) in mapped)
        {
            Assert.True(documented.Any(d => d.Path == path && d.Method == method), $"{method} {path} is not in the OpenAPI document");
        }

        foreach (var (path, method, operation) in documented)
        {
            Assert.True(operation.TryGetProperty("summary", out var summary) && !string.IsNullOrWhiteSpace(summary.GetString()),
                $"{method} {path} has no summary");
        }
    }

    [Fact]
    public async Task The_openapi_document_and_the_api_reference_are_for_staff_and_administrators()
    {
        using var anonymous = app.Anonymous();
        var anonymousDocument = await anonymous.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymousDocument.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/docs")).StatusCode);

        using var representative = await app.SignedInAsync(DemoUsers.Representative);
        Assert.Equal(HttpStatusCode.Forbidden, (await representative.GetAsync("/openapi/v1.json")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await representative.GetAsync("/api/docs")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await representative.GetAsync("/api/docs/")).StatusCode);

        foreach (var office in new[] { DemoUsers.Staff, DemoUsers.Administrator })
        {
            using var client = await app.SignedInAsync(office);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/openapi/v1.json")).StatusCode);
            var entry = await client.GetAsync("/api/docs");
            Assert.Equal(HttpStatusCode.Redirect, entry.StatusCode);
            Assert.Equal("docs/", entry.Headers.Location!.OriginalString);
            var docs = await client.GetAsync("/api/docs/");
            Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
            Assert.Equal("text/html", docs.Content.Headers.ContentType?.MediaType);
            Assert.Contains("openapi/v1.json", await docs.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_jobs_dashboard_is_for_administrators_only()
    {
        using var administrator = await app.SignedInAsync(DemoUsers.Administrator);
        var dashboard = await administrator.GetAsync("/jobs");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Contains("Alliance jobs", await dashboard.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/jobs")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/jobs/recurring")).StatusCode);

        using var anonymous = app.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/jobs")).StatusCode);
    }

    [Fact]
    public async Task Every_page_sends_anonymous_users_to_the_login_and_only_a_few_pages_are_open()
    {
        var pages = Endpoints.Where(e => e.Metadata.GetMetadata<ComponentTypeMetadata>() is not null).ToList();
        Assert.Contains(pages, p => p.RoutePattern.RawText == "/");
        using var client = app.Anonymous();

        foreach (var page in pages)
        {
            var url = ExampleUrl(page.RoutePattern.RawText!);
            var response = await client.GetAsync(url);
            if (page.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            {
                Assert.True(OpenPages().IsMatch(url), $"{url} is open to anonymous users but not on the list of open pages");
                Assert.True((int)response.StatusCode < 500, $"{url} answered {(int)response.StatusCode}");
                continue;
            }

            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{url} answered {(int)response.StatusCode} to an anonymous user");
            Assert.Equal("/account/login", response.Headers.Location!.AbsolutePath);
        }

        foreach (var open in new[] { "/account/login", "/not-found", "/forbidden", "/error" })
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(open)).StatusCode);
        }
    }

    [Fact]
    public async Task Unknown_pages_show_the_localized_not_found_page()
    {
        using var client = app.Anonymous();
        var german = await client.GetAsync("/gibt-es-nicht");
        Assert.Equal(HttpStatusCode.NotFound, german.StatusCode);
        Assert.Equal("text/html", german.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Seite nicht gefunden", await german.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await client.GetAsync("/culture/en?returnUrl=/");
        var english = await client.GetAsync("/does-not-exist");
        Assert.Equal(HttpStatusCode.NotFound, english.StatusCode);
        Assert.Contains("Page not found", await english.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task German_is_the_default_whatever_the_browser_asks_and_the_switch_changes_to_english()
    {
        using var client = app.Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        request.Headers.AcceptLanguage.ParseAdd("en-US,en;q=0.9");
        Assert.Equal("de", HtmlLang(await (await client.SendAsync(request)).Content.ReadAsStringAsync()));

        var switched = await client.GetAsync("/culture/en?returnUrl=%2Faccount%2Flogin");
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/account/login", switched.Headers.Location!.OriginalString);
        Assert.Equal("en", HtmlLang(await client.GetStringAsync("/account/login")));

        // Only local return addresses: no open redirect.
        var foreign = await client.GetAsync("/culture/de?returnUrl=https%3A%2F%2Fevil.example%2F");
        Assert.Equal("/", foreign.Headers.Location!.OriginalString);
        Assert.Equal("de", HtmlLang(await client.GetStringAsync("/account/login")));
    }

    [Fact]
    public async Task Api_errors_are_problem_details_outside_development()
    {
        using var anonymous = app.Anonymous();
        await ProblemAsync(await anonymous.GetAsync("/api/members/organizations"), HttpStatusCode.Unauthorized);

        using var representative = await app.SignedInAsync(DemoUsers.Representative);
        await ProblemAsync(await representative.PostAsJsonAsync("/api/members/organizations", new { name = "Neu GmbH", partnerGroup = "Company" }), HttpStatusCode.Forbidden);
        await ProblemAsync(await representative.GetAsync("/api/members/no-such-route"), HttpStatusCode.NotFound);
        await ProblemAsync(await representative.GetAsync("/api/nothing-here"), HttpStatusCode.NotFound);

        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        var invalid = await ProblemAsync(await staff.PostAsJsonAsync("/api/members/organizations", new { name = "", partnerGroup = "Company" }), HttpStatusCode.BadRequest);
        Assert.True(invalid.GetProperty("errors").TryGetProperty("name", out _));

        using var malformed = new StringContent("{ \"name\": \"Kaputt", Encoding.UTF8, "application/json");
        await ProblemAsync(await staff.PostAsync("/api/members/organizations", malformed), HttpStatusCode.BadRequest);
        using var unknownGroup = new StringContent("{ \"name\": \"Neu GmbH\", \"partnerGroup\": \"Pirates\" }", Encoding.UTF8, "application/json");
        await ProblemAsync(await staff.PostAsync("/api/members/organizations", unknownGroup), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Every_response_carries_the_security_headers()
    {
        using var client = app.Anonymous();
        foreach (var url in new[] { "/account/login", "/api/members/organizations", "/gibt-es-nicht", "/health/live" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
            Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
            Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        }
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var what = $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery}";
        Assert.True(expected == response.StatusCode, $"{what}: {(int)response.StatusCode} instead of {(int)expected}");
        Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json",
            $"{what}: {response.Content.Headers.ContentType} instead of problem details");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        return problem;
    }

    private static string HtmlLang(string html) => HtmlLangPattern().Match(html).Groups[1].Value;

    /// <summary>"/api/x/{id:guid}/" and "/api/x/{id}" are the same route.</summary>
    private static string Normalize(string pattern) => RouteParameter().Replace(pattern, m => "{" + m.Groups[1].Value + "}").TrimEnd('/');

    private static string ExampleUrl(string pattern) => RouteParameter().Replace(pattern, m =>
        m.Value.Contains(":guid", StringComparison.Ordinal) ? Guid.NewGuid().ToString()
        : m.Value.Contains(":int", StringComparison.Ordinal) ? "1"
        : m.Value.EndsWith("?}", StringComparison.Ordinal) ? ""
        : "example");

    [GeneratedRegex("""<html[^>]*\blang="([^"]*)""")]
    private static partial Regex HtmlLangPattern();

    [GeneratedRegex(@"\{\**([A-Za-z0-9_]+)[^}]*\}")]
    private static partial Regex RouteParameter();

    /// <summary>
    /// The pages anonymous people may open: sign-in and account recovery, the error pages, and a survey's personal
    /// link (<c>/s/{token}</c>: answering needs no account; the unguessable token is the credential).
    /// </summary>
    [GeneratedRegex(@"^/(account/.*|not-found|forbidden|error|status/\d+|s/[^/]+)$")]
    private static partial Regex OpenPages();
}
