using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace Alliance.Probes.Tests;

/// <summary>
/// Generated bad input for every operation of /openapi/v1.json (README "How to run the probes locally"): never a 5xx,
/// every error a problem details body, and a rejected write stores nothing (row counts of every table unchanged).
/// Replay a failing run with ALLIANCE_PROBE_SEED=&lt;seed printed in the failure&gt;.
/// </summary>
[Collection(ProbeApp.Collection)]
public sealed class BadInputTests(ProbeApp app, ITestOutputHelper output)
{
    /// <summary>
    /// Requests asked for per run (the probe of the issue sent 7,500), spread over the operations, at least 20 each.
    /// Operations with few inputs have fewer distinct bad requests, so fewer are sent; at least
    /// <see cref="MinimumRequests"/>. Each run draws a new seed, so the runs together cover far more; every write also
    /// recounts every table, which is the cost.
    /// </summary>
    private const int RequestsAskedFor = 7500;

    /// <summary>At least this many requests per run.</summary>
    private const int MinimumRequests = 5000;

    [Fact]
    public async Task Generated_bad_input_never_gives_a_5xx_and_a_rejected_write_stores_nothing()
    {
        var seed = Probe.Seed();
        output.WriteLine($"ALLIANCE_PROBE_SEED={seed}");
        var random = new Random(seed);
        var staff = await app.ClientAsync("staff");
        var document = JsonNode.Parse(await staff.GetStringAsync("/openapi/v1.json"))!;
        var api = new OpenApiOperations(document);
        var ids = await IdPool.ForAsync(app);
        await using var counts = await RowCounts.ForAsync(app);
        var generator = new BadInput(api, ids, random);
        // Signing out would end the probe's own session; it is probed (as anonymous) by the authorization matrix.
        var operations = api.Operations.Where(o => !o.Route.EndsWith("/logout", StringComparison.Ordinal)).ToList();
        Assert.True(operations.Count > 50, $"only {operations.Count} operations in the OpenAPI document");
        var perOperation = Math.Max(20, RequestsAskedFor / operations.Count);

        var failures = new List<string>();
        var sent = 0;
        var current = await counts.CountAsync();
        foreach (var operation in operations)
        {
            foreach (var request in generator.For(operation, perOperation))
            {
                var (status, mediaType, body) = await Probe.SendAsync(app, request);
                sent++;
                if (status == HttpStatusCode.Unauthorized && request.Caller != "anonymous")
                {
                    // A generated write ended the caller's session (e.g. changed their own account): sign in again.
                    app.Forget(request.Caller);
                }

                if ((int)status >= 500)
                {
                    failures.Add($"{(int)status} {request} → {Excerpt(body)}");
                }
                else if ((int)status >= 400 && mediaType != "application/problem+json" && request.Url.StartsWith("/api/", StringComparison.Ordinal) && !RefusedByKestrel(request, status))
                {
                    failures.Add($"{(int)status} without problem details ({mediaType}) {request} → {Excerpt(body)}");
                }

                if (operation.IsWrite)
                {
                    var after = await counts.CountAsync();
                    if ((int)status >= 400 && !after.SequenceEqual(current))
                    {
                        failures.Add($"{(int)status} but stored: {string.Join(", ", counts.Differences(current, after))} {request}");
                    }

                    current = after;
                }
            }
        }

        output.WriteLine($"{sent} requests to {operations.Count} operations, {failures.Count} failures");
        Assert.True(failures.Count == 0,
            $"ALLIANCE_PROBE_SEED={seed}: {failures.Count} of {sent} requests failed:\n" + string.Join("\n", failures.Distinct().Take(80)));
        Assert.True(sent >= MinimumRequests, $"only {sent} requests");
    }

    // Only the API answers in problem details: the calendar feeds (/calendar/…) are plain routes for calendar apps
    // and answer with the status page like any non-API route; for them "no 5xx" is the rule.

    /// <summary>
    /// Kestrel refuses a NUL in the path while it parses the request line, before any middleware runs: a bare 400
    /// (README "Limits"). Everything else must be a problem details body.
    /// </summary>
    private static bool RefusedByKestrel(ProbeRequest request, HttpStatusCode status) =>
        status == HttpStatusCode.BadRequest && request.Url.Split('?')[0].Contains("%00", StringComparison.Ordinal);

    private static string Excerpt(string body) => body.Length > 300 ? body[..300] + "…" : body;
}
