using System.Globalization;
using System.Net;
using System.Text;

namespace Alliance.Probes.Tests;

/// <summary>The seed of a probe run: ALLIANCE_PROBE_SEED replays a run, otherwise a new one is drawn (and printed).</summary>
public static class Probe
{
    /// <summary>The seed to use.</summary>
    public static int Seed() =>
        int.TryParse(Environment.GetEnvironmentVariable("ALLIANCE_PROBE_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed)
            ? seed
            : Random.Shared.Next(1, int.MaxValue);

    /// <summary>Sends one generated request as its caller.</summary>
    public static async Task<(HttpStatusCode Status, string? MediaType, string Body)> SendAsync(ProbeApp app, ProbeRequest request)
    {
        var client = await app.ClientAsync(request.Caller);
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), request.Url);
        if (request.Body is not null)
        {
            message.Content = new StringContent(request.Body, Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(message);
        var body = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, body);
    }
}
