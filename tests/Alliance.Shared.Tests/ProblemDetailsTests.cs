using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Alliance.Shared.Tests;

/// <summary>The kernel's one error mapper, outside Development, with errors the database really raises.</summary>
public sealed class ProblemDetailsTests(KernelTestApp app) : IClassFixture<KernelTestApp>
{
    private const string Widgets = "/api/kerneltest/widgets";

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        return problem;
    }

    [Fact]
    public void The_host_under_test_is_not_in_development()
    {
        Assert.False(app.Services.GetRequiredService<IHostEnvironment>().IsDevelopment());
    }

    [Fact]
    public async Task Validation_errors_are_400_with_per_field_errors_and_store_nothing()
    {
        using var client = await app.SignedInAsync(DemoUsers.Representative);

        var problem = await ProblemAsync(await client.PostAsJsonAsync(Widgets, new { name = "" }), HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").GetProperty("name").GetArrayLength() > 0);
        Assert.Equal(0, await app.WithTestDbAsync(db => db.Widgets.CountAsync()));
    }

    [Fact]
    public async Task An_unknown_id_is_404()
    {
        using var client = await app.SignedInAsync(DemoUsers.Representative);
        var id = Guid.NewGuid();
        var problem = await ProblemAsync(await client.GetAsync($"{Widgets}/{id}"), HttpStatusCode.NotFound);
        // The reader gets the shared text in her language; the kind and id of the missing thing go to the log only.
        Assert.Equal("Nicht gefunden.", problem.GetProperty("title").GetString());
        Assert.False(problem.TryGetProperty("detail", out _));
        Assert.DoesNotContain(id.ToString(), problem.GetRawText(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Unknown_api_routes_and_ids_that_do_not_match_the_route_are_404_problem_details_not_html()
    {
        using var client = await app.SignedInAsync(DemoUsers.Representative);
        await ProblemAsync(await client.GetAsync("/api/kerneltest/no-such-thing"), HttpStatusCode.NotFound);
        await ProblemAsync(await client.GetAsync($"{Widgets}/not-a-guid"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_duplicate_decided_by_the_unique_index_is_409_and_stores_nothing()
    {
        using var client = await app.SignedInAsync(DemoUsers.Representative);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync(Widgets, new { name = "Zahnrad" })).StatusCode);

        await ProblemAsync(await client.PostAsJsonAsync(Widgets, new { name = "Zahnrad" }), HttpStatusCode.Conflict);

        Assert.Equal(1, await app.WithTestDbAsync(db => db.Widgets.CountAsync(w => w.Name == "Zahnrad")));
    }

    [Fact]
    public async Task A_write_with_a_stale_version_is_409_and_keeps_the_newer_data()
    {
        using var client = await app.SignedInAsync(DemoUsers.Representative);
        var created = await (await client.PostAsJsonAsync(Widgets, new { name = "Schraube" })).Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();
        var version = created.GetProperty("version").GetUInt32();

        Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsJsonAsync($"{Widgets}/{id}", new { name = "Schraube M4", version })).StatusCode);
        // The second writer read the same (now stale) version.
        await ProblemAsync(await client.PutAsJsonAsync($"{Widgets}/{id}", new { name = "Schraube M5", version }), HttpStatusCode.Conflict);

        var current = await client.GetFromJsonAsync<JsonElement>($"{Widgets}/{id}");
        Assert.Equal("Schraube M4", current.GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("{ \"name\": ")]
    [InlineData("not json at all")]
    [InlineData("{ \"name\": 42 }")]
    public async Task Malformed_json_is_400_not_500(string body)
    {
        using var client = await app.SignedInAsync(DemoUsers.Representative);
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        await ProblemAsync(await client.PostAsync(Widgets, content), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_unexpected_api_error_is_a_500_problem_without_internals()
    {
        using var client = await app.SignedInAsync(DemoUsers.Representative);
        var response = await client.GetAsync("/api/kerneltest/widgets/crash");
        await ProblemAsync(response, HttpStatusCode.InternalServerError);
        Assert.DoesNotContain("10.0.0.7", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Errors_outside_the_api_show_the_error_page_with_the_mapped_status_and_no_internals()
    {
        using var client = app.Anonymous();

        var crash = await client.GetAsync("/kerneltest/crash");
        Assert.Equal(HttpStatusCode.InternalServerError, crash.StatusCode);
        Assert.Equal("text/html", crash.Content.Headers.ContentType?.MediaType);
        var html = await crash.Content.ReadAsStringAsync();
        Assert.Contains("<h1", html, StringComparison.Ordinal);
        Assert.Contains("Fehler", html, StringComparison.Ordinal);
        Assert.DoesNotContain("10.0.0.7", html, StringComparison.Ordinal);

        var missing = await client.GetAsync("/kerneltest/missing");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("text/html", missing.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Anonymous_callers_get_401_problem_details()
    {
        using var client = app.Anonymous();
        await ProblemAsync(await client.GetAsync($"{Widgets}/{Guid.NewGuid()}"), HttpStatusCode.Unauthorized);
    }
}
