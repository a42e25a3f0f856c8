using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Alliance.Shared.Telemetry;
using Microsoft.Extensions.DependencyInjection;

namespace Alliance.Host.Tests;

/// <summary>A host with <c>Telemetry:OtlpEndpoint</c> set sends traces, metrics and logs to that OTLP receiver.</summary>
public sealed class TelemetryTests(TelemetryTests.Host app) : IClassFixture<TelemetryTests.Host>
{
    [Fact]
    public async Task Traces_metrics_with_the_queue_gauges_and_logs_reach_the_otlp_endpoint()
    {
        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/api/members/organizations")).StatusCode);

        // OTLP/HTTP bodies are protobuf; names and string attributes appear in them as UTF-8.
        await ArrivesAsync("request and database spans",
            ("/v1/traces", "alliance"), ("/v1/traces", "postgresql"), ("/v1/traces", "/api/members/organizations"));
        await ArrivesAsync("request and queue metrics",
            ("/v1/metrics", "http.server.request.duration"), ("/v1/metrics", "alliance.queue.pending"),
            ("/v1/metrics", "alliance.queue.oldest_pending_age"));
        await ArrivesAsync("logs", ("/v1/logs", "alliance"));
    }

    /// <summary>Waits until every (path, text) arrived; a failure names what is missing and what did arrive.</summary>
    private Task ArrivesAsync(string what, params (string Path, string Text)[] expected) =>
        Eventually.Until(
            () => Task.FromResult(expected.Where(e => !app.Receiver.Received(e.Path, e.Text)).Select(e => $"{e.Path} '{e.Text}'").ToList()),
            missing => missing.Count == 0, TimeSpan.FromSeconds(30), what,
            missing => $"missing {string.Join(", ", missing)}; received {app.Receiver.Summary()}");

    [Fact]
    public async Task The_queue_gauges_count_pending_and_failed_rows_per_outbox_and_for_the_mail_queue()
    {
        var readings = app.Services.GetRequiredService<MessagingMetrics>().Read();
        Assert.Contains(readings, r => r.Queue == "mail");
        Assert.Contains(readings, r => r.Queue == "members");
        Assert.All(readings, r => Assert.True(r.Pending >= 0 && r.Failed >= 0 && r.OldestPendingSeconds >= 0));
        await Task.CompletedTask;
    }

    /// <summary>The host, pointed at a small OTLP/HTTP receiver of this test.</summary>
    public sealed class Host : AllianceApp
    {
        public OtlpReceiver Receiver { get; } = new();

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Telemetry:OtlpEndpoint"] = Receiver.BaseAddress,
            ["Telemetry:ExportIntervalMilliseconds"] = "500",
            ["Logging:OpenTelemetry:LogLevel:Default"] = "Information",
        };

        public override async Task DisposeAsync()
        {
            await base.DisposeAsync();
            Receiver.Dispose();
        }
    }

    /// <summary>Accepts every OTLP/HTTP export and keeps the bodies by path.</summary>
    public sealed class OtlpReceiver : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly ConcurrentDictionary<string, ConcurrentBag<string>> _bodies = new();

        public OtlpReceiver()
        {
            var port = FreePort();
            BaseAddress = $"http://127.0.0.1:{port}";
            _listener.Prefixes.Add(BaseAddress + "/");
            _listener.Start();
            _ = Task.Run(ListenAsync);
        }

        public string BaseAddress { get; }

        /// <summary>What arrived so far, for a failure message: path and number of bodies.</summary>
        public string Summary() => string.Join(", ", _bodies.Select(b => $"{b.Key} ×{b.Value.Count}"));

        public bool Received(string path, string text) =>
            _bodies.TryGetValue(path, out var bodies) && bodies.Any(body => body.Contains(text, StringComparison.Ordinal));

        private async Task ListenAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception) when (!_listener.IsListening)
                {
                    return;
                }

                using var buffer = new MemoryStream();
                await context.Request.InputStream.CopyToAsync(buffer);
                _bodies.GetOrAdd(context.Request.Url!.AbsolutePath, _ => []).Add(Encoding.UTF8.GetString(buffer.ToArray()));
                context.Response.StatusCode = 200;
                context.Response.ContentType = "application/x-protobuf";
                context.Response.Close();
            }
        }

        private static int FreePort()
        {
            var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            return port;
        }

        public void Dispose() => _listener.Close();
    }
}
