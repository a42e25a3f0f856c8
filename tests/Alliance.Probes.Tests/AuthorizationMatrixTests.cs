using System.Net;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Alliance.Probes.Tests;

/// <summary>
/// Every API operation and every page route of the host (read from its EndpointDataSource) × the six kinds of
/// caller, against the expected answers in AuthorizationMatrix.txt. A route without a row fails, so a new endpoint
/// needs a decided row. Route ids are real demo ids; writes send a plausible body from the OpenAPI schema.
/// Regenerate after a deliberate change with ALLIANCE_PROBE_WRITE_MATRIX=1 and READ the diff for leaks.
/// Answers: ok (2xx), login (sent to sign in), forbidden (sent to the forbidden page), 401, 403, 404, 405,
/// rejected (400/409/413/422: reached the use case, refused there), redirect (elsewhere).
/// </summary>
// Own host: the matrix deletes and creates the probe's fixed rows (a lab membership, an action field), which the
// other probes' generated writes may already have changed.
public sealed partial class AuthorizationMatrixTests(ProbeApp app, ITestOutputHelper output) : IClassFixture<ProbeApp>
{
    [Fact]
    public async Task Every_route_answers_every_caller_as_the_matrix_says()
    {
        var staff = await app.ClientAsync("staff");
        var api = new OpenApiOperations(JsonNode.Parse(await staff.GetStringAsync("/openapi/v1.json"))!);
        var ids = await IdPool.ForAsync(app);
        var generator = new BadInput(api, ids, new Random(1));
        var routes = Routes();

        var actual = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (method, pattern) in routes)
        {
            var operation = api.Operations.FirstOrDefault(o => o.Method == method && o.Route == StripConstraints(pattern));
            var url = FillRoute(pattern, ids);
            var body = operation?.BodySchema is { } schema ? generator.Valid(schema, "", operation.Route, 0)?.ToJsonString() : null;
            var cells = new List<string>();
            foreach (var caller in new[] { "anonymous", "representativeB", "representativeA", "coordinator", "staff", "administrator" })
            {
                var client = await app.ClientAsync(caller);
                using var request = new HttpRequestMessage(new HttpMethod(method), url);
                if (body is not null)
                {
                    request.Content = new StringContent(body, Encoding.UTF8, "application/json");
                }

                using var response = await client.SendAsync(request);
                cells.Add($"{caller}={Answer(response)}");
                if (pattern.EndsWith("/logout", StringComparison.Ordinal))
                {
                    app.Forget(caller);
                }
            }

            actual[$"{method} {pattern}"] = string.Join(" ", cells);
        }

        var file = MatrixFile();
        var lines = actual.Select(a => $"{a.Key}  {a.Value}").ToList();
        if (Environment.GetEnvironmentVariable("ALLIANCE_PROBE_WRITE_MATRIX") == "1")
        {
            await File.WriteAllLinesAsync(file, ["# Expected answers per route and caller (AuthorizationMatrixTests). Generated, then read for leaks.", .. lines]);
            output.WriteLine($"wrote {lines.Count} rows to {file}");
            return;
        }

        var expected = (await File.ReadAllLinesAsync(Path.Combine(AppContext.BaseDirectory, "AuthorizationMatrix.txt")))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split("  ", 2))
            .ToDictionary(p => p[0], p => p[1].Trim(), StringComparer.Ordinal);
        var problems = new List<string>();
        problems.AddRange(actual.Keys.Except(expected.Keys).Select(k => $"no row for the new route {k}: {actual[k]}"));
        problems.AddRange(expected.Keys.Except(actual.Keys).Select(k => $"row for a route that no longer exists: {k}"));
        problems.AddRange(actual.Where(a => expected.TryGetValue(a.Key, out var e) && e != a.Value)
            .Select(a => $"{a.Key}\n  expected {expected[a.Key]}\n  actual   {a.Value}"));
        problems.AddRange(actual.Where(a => a.Value.Contains("=5xx", StringComparison.Ordinal)).Select(a => $"5xx: {a.Key} {a.Value}"));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>The routes of the host: API endpoints (per method) and page routes (GET), framework plumbing left out.</summary>
    private List<(string Method, string Pattern)> Routes()
    {
        var routes = new SortedSet<(string, string)>();
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            if (pattern.StartsWith("/_", StringComparison.Ordinal))
            {
                continue;
            }

            if (endpoint.Metadata.GetMetadata<ComponentTypeMetadata>() is not null)
            {
                routes.Add(("GET", pattern));
                continue;
            }

            foreach (var method in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            {
                if (method != "HEAD" && method != "OPTIONS")
                {
                    routes.Add((method, pattern));
                }
            }
        }

        return [.. routes];
    }

    private static string FillRoute(string pattern, IdPool ids) =>
        ParameterPattern().Replace(pattern, m =>
        {
            var name = m.Groups["name"].Value;
            var constraint = m.Groups["constraint"].Value;
            return constraint.Contains("guid", StringComparison.Ordinal) ? ids.For(StripConstraints(pattern), name).ToString()
                : constraint.Contains("int", StringComparison.Ordinal) ? "404"
                : name switch { "culture" => "en", "documentName" => "v1", _ => "probe" };
        });

    private static string StripConstraints(string pattern) =>
        ParameterPattern().Replace(pattern, m => "{" + m.Groups["name"].Value + "}");

    private static string Answer(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        if (status >= 500)
        {
            return "5xx";
        }

        if (status is >= 300 and < 400)
        {
            var location = response.Headers.Location?.ToString() ?? "";
            return location.Contains("/account/login", StringComparison.OrdinalIgnoreCase) ? "login"
                : location.Contains("/forbidden", StringComparison.OrdinalIgnoreCase) ? "forbidden"
                : "redirect";
        }

        return status switch
        {
            >= 200 and < 300 => "ok",
            400 or 409 or 413 or 422 => "rejected",
            _ => status.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    private static string MatrixFile([CallerFilePath] string source = "") => Path.Combine(Path.GetDirectoryName(source)!, "AuthorizationMatrix.txt");

    [GeneratedRegex("\\{\\*?(?<name>[A-Za-z]+)(?<constraint>(:[^}]+)?)\\??\\}")]
    private static partial Regex ParameterPattern();
}
