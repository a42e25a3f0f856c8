using System.Diagnostics.Metrics;
using Alliance.Shared.Mail;
using Alliance.Shared.Messaging;
using Alliance.Shared.Modules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Alliance.Shared.Telemetry;

/// <summary>
/// The outbox's and mail queue's metrics on the meter <see cref="AllianceTelemetry.MessagingName"/>: counters of
/// deliveries and failures, recorded by the dispatcher and the mail sender, and gauges read from the database when a
/// metrics reader collects (OpenTelemetry: once per export interval) — per module the pending and failed outbox rows
/// and the age of the oldest pending one, and the same for the mail queue ("queue" tag: the module's schema or
/// "mail"). One SQL statement per collection; a reading older than <see cref="MaxAge"/> is taken again.
/// The meter comes from the host's <see cref="IMeterFactory"/>, so two hosts in one process report apart.
/// </summary>
public sealed class MessagingMetrics
{
    /// <summary>How long one reading serves all gauges of a collection (they are observed one after another).</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);

    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _clock;
    private readonly ILogger<MessagingMetrics> _logger;
    private readonly Counter<long> _deliveries;
    private readonly Counter<long> _failedDeliveries;
    private readonly Counter<long> _sentMails;
    private readonly Counter<long> _failedMails;
    private readonly Lock _gate = new();
    private (DateTimeOffset ReadAt, IReadOnlyList<QueueReading> Rows)? _last;

    /// <summary>Creates the instruments on this host's messaging meter.</summary>
    public MessagingMetrics(IMeterFactory meters, IServiceScopeFactory scopes, TimeProvider clock, ILogger<MessagingMetrics> logger)
    {
        _scopes = scopes;
        _clock = clock;
        _logger = logger;
        var meter = meters.Create(AllianceTelemetry.MessagingName);
        _deliveries = meter.CreateCounter<long>("alliance.outbox.deliveries", unit: "{event}",
            description: "Outbox events delivered to every subscriber");
        _failedDeliveries = meter.CreateCounter<long>("alliance.outbox.failed_deliveries", unit: "{event}",
            description: "Outbox delivery attempts that failed");
        _sentMails = meter.CreateCounter<long>("alliance.mail.sent", unit: "{mail}",
            description: "Mails handed to the SMTP server or the pickup folder");
        _failedMails = meter.CreateCounter<long>("alliance.mail.failed_sends", unit: "{mail}",
            description: "Mail send attempts that failed");
        meter.CreateObservableGauge("alliance.queue.pending", () => Measure(r => r.Pending), unit: "{message}",
            description: "Outbox events or mails waiting for delivery");
        meter.CreateObservableGauge("alliance.queue.failed", () => Measure(r => r.Failed), unit: "{message}",
            description: "Outbox events or mails given up, waiting for an administrator");
        meter.CreateObservableGauge("alliance.queue.oldest_pending_age", () => Measure(r => r.OldestPendingSeconds), unit: "s",
            description: "Age of the oldest waiting outbox event or mail");
    }

    /// <summary>An outbox event of <paramref name="module"/> reached every subscriber.</summary>
    public void Delivered(string module) => _deliveries.Add(1, new KeyValuePair<string, object?>("module", module));

    /// <summary>A delivery attempt failed; <paramref name="givenUp"/> when the row now waits for an administrator.</summary>
    public void DeliveryFailed(string module, bool givenUp) => _failedDeliveries.Add(1,
        new KeyValuePair<string, object?>("module", module), new KeyValuePair<string, object?>("given_up", givenUp));

    /// <summary>A mail went out.</summary>
    public void MailSent() => _sentMails.Add(1);

    /// <summary>A mail send attempt failed; <paramref name="givenUp"/> when it will not be tried again.</summary>
    public void MailFailed(bool givenUp) => _failedMails.Add(1, new KeyValuePair<string, object?>("given_up", givenUp));

    /// <summary>The current figures of every queue ("mail" and one per module's outbox), read now.</summary>
    public IReadOnlyList<QueueReading> Read()
    {
        using var scope = _scopes.CreateScope();
        var services = scope.ServiceProvider;
        var catalog = services.GetRequiredService<ModuleCatalog>();
        var db = services.GetRequiredService<MailDbContext>();
        var now = _clock.GetUtcNow();
        // Every outbox lives in the one database; schema names come from the modules' own models, never from input.
        var parts = catalog.Modules.OrderBy(m => m.Name).Select(module =>
        {
            var schema = ((DbContext)services.GetRequiredService(module.DbContextType)).Model.GetDefaultSchema() ?? module.Name;
            return $"""
                SELECT '{schema}' AS "Queue",
                       count(*) FILTER (WHERE status = {(int)OutboxStatus.Pending})::int AS "Pending",
                       count(*) FILTER (WHERE status = {(int)OutboxStatus.Failed})::int AS "Failed",
                       min(occurred_at) FILTER (WHERE status = {(int)OutboxStatus.Pending}) AS "OldestPending"
                FROM "{schema}".outbox_messages
                """;
        }).Append($"""
            SELECT 'mail' AS "Queue",
                   count(*) FILTER (WHERE "Status" = {(int)EmailStatus.Queued})::int AS "Pending",
                   count(*) FILTER (WHERE "Status" = {(int)EmailStatus.Failed})::int AS "Failed",
                   min("QueuedAt") FILTER (WHERE "Status" = {(int)EmailStatus.Queued}) AS "OldestPending"
            FROM mail.email_messages
            """);
#pragma warning disable EF1002
        var rows = db.Database.SqlQueryRaw<Row>(string.Join("\nUNION ALL\n", parts)).ToList();
#pragma warning restore EF1002
        return rows.Select(r => new QueueReading(r.Queue, r.Pending, r.Failed,
            r.OldestPending is { } oldest ? Math.Max(0, (now - oldest).TotalSeconds) : 0)).ToList();
    }

    private IEnumerable<Measurement<double>> Measure(Func<QueueReading, double> value)
    {
        IReadOnlyList<QueueReading> rows;
        lock (_gate)
        {
            var now = _clock.GetUtcNow();
            if (_last is not { } last || now - last.ReadAt > MaxAge)
            {
                try
                {
                    _last = (now, Read());
                }
                catch (Exception exception)
                {
                    // A metrics collection must never take the exporter down; the next collection tries again.
                    _logger.LogWarning(exception, "Reading the queue gauges failed");
                    return [];
                }
            }

            rows = _last.Value.Rows;
        }

        return rows.Select(r => new Measurement<double>(value(r), new KeyValuePair<string, object?>("queue", r.Queue))).ToList();
    }

    /// <summary>The shape EF reads the query into.</summary>
    private sealed class Row
    {
        public string Queue { get; set; } = "";
        public int Pending { get; set; }
        public int Failed { get; set; }
        public DateTimeOffset? OldestPending { get; set; }
    }
}

/// <summary>One queue's figures: <paramref name="Queue"/> is "mail" or a module's schema name; the age in seconds.</summary>
public sealed record QueueReading(string Queue, int Pending, int Failed, double OldestPendingSeconds);
