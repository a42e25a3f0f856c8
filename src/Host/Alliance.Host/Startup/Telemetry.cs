using Alliance.Shared.Telemetry;
using Npgsql;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Alliance.Host.Startup;

/// <summary>
/// OpenTelemetry for operations: traces (ASP.NET Core, HttpClient, Npgsql, the outbox and mail jobs), metrics (the
/// same plus .NET runtime and the queue gauges of <see cref="MessagingMetrics"/>) and logs, exported over OTLP
/// (HTTP/protobuf) to <c>Telemetry:OtlpEndpoint</c>, e.g. <c>http://otel-collector:4318</c>. Without an endpoint nothing
/// is collected or sent; log lines still carry the trace and span id of the request they belong to.
/// </summary>
internal static class Telemetry
{
    public static WebApplicationBuilder AddAllianceTelemetry(this WebApplicationBuilder builder)
    {
        // Every log scope carries the current trace id, so a log line can be found from a trace and back.
        builder.Logging.Configure(logging => logging.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);

        var endpoint = builder.Configuration["Telemetry:OtlpEndpoint"];
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            return builder;
        }

        // The base ends in "/" so signal paths resolve below it: http://collector:4318/ → http://collector:4318/v1/traces.
        if (!Uri.TryCreate(endpoint.TrimEnd('/') + "/", UriKind.Absolute, out var baseUri))
        {
            throw new InvalidOperationException($"Telemetry:OtlpEndpoint '{endpoint}' is not an absolute URL (e.g. http://otel-collector:4318).");
        }

        var interval = builder.Configuration.GetValue("Telemetry:ExportIntervalMilliseconds", 60_000);
        var serviceName = builder.Configuration["Telemetry:ServiceName"] ?? "alliance";
        void Configure(OtlpExporterOptions otlp, string signal)
        {
            // With HTTP/protobuf an endpoint set in code is the signal's full URL (the SDK appends nothing).
            otlp.Protocol = OtlpExportProtocol.HttpProtobuf;
            otlp.Endpoint = new Uri(baseUri, "v1/" + signal);
        }

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName, serviceInstanceId: Environment.MachineName))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(aspnet => aspnet.Filter = context =>
                    // Health probes every few seconds would drown the traces that matter.
                    !context.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation()
                .AddNpgsql()
                .AddSource(AllianceTelemetry.MessagingName)
                .AddOtlpExporter(otlp =>
                {
                    Configure(otlp, "traces");
                    otlp.BatchExportProcessorOptions.ScheduledDelayMilliseconds = Math.Min(interval, 5_000);
                }))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddMeter(AllianceTelemetry.MessagingName)
                .AddOtlpExporter((otlp, reader) =>
                {
                    Configure(otlp, "metrics");
                    reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = interval;
                }));
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeScopes = true;
            logging.AddOtlpExporter(otlp => Configure(otlp, "logs"));
        });
        return builder;
    }
}
