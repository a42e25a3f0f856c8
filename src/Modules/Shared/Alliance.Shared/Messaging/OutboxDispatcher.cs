using Alliance.Shared.Contracts;
using Alliance.Shared.Modules;
using Alliance.Shared.Telemetry;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alliance.Shared.Messaging;

/// <summary>
/// Delivers one module's pending outbox rows.
/// <list type="number">
/// <item>Claim: one short statement takes the oldest due rows with <c>FOR UPDATE SKIP LOCKED</c>, counts the
/// attempt and leases them (<see cref="OutboxMessage.LockedUntil"/>), and commits. Two dispatchers never take the
/// same row; no row lock is held while subscribers run.</item>
/// <item>Deliver: each subscriber runs in its own scope and its own module's transaction, and records the event in
/// its module's inbox in that transaction: an event it handled before is skipped, a subscriber that throws is
/// retried later without touching the publisher or the other subscribers.</item>
/// <item>Record: each row's result is written on its own right after its delivery (only if the lease is still
/// ours). A crash mid-delivery leaves the row leased; it is claimed again when the lease expires, and the inboxes
/// keep the subscribers that had finished from handling it twice.</item>
/// </list>
/// A row whose name no loaded module knows or whose payload cannot be read fails at once; a row whose subscribers
/// keep failing fails after <see cref="MaxAttempts"/>. Failed rows wait for an administrator (replay or discard).
/// </summary>
public sealed class OutboxDispatcher(
    IServiceScopeFactory scopes,
    ModuleCatalog catalog,
    OutboxSignal signal,
    TimeProvider clock,
    IOptions<MessagingOptions> options,
    MessagingMetrics metrics,
    ILogger<OutboxDispatcher> logger)
{
    /// <summary>Rows claimed at once.</summary>
    public const int BatchSize = 20;

    /// <summary>
    /// Batches one job delivers before it hands its worker back and continues at the end of the job queue, so a
    /// flood in one outbox (one request publishing 100,000 events) cannot keep every worker from other messages.
    /// </summary>
    public const int BatchesPerTurn = 5;

    public const int MaxAttempts = 25;

    /// <summary>
    /// Hangfire entry point: delivers up to <see cref="BatchesPerTurn"/> batches of one module's due rows and, if
    /// more are due, asks for another turn behind whatever else is queued. Returns how many rows it delivered.
    /// </summary>
    public async Task<int> DispatchAsync(string moduleName, CancellationToken cancellationToken = default)
    {
        var module = catalog.Get(moduleName);
        var delivered = 0;
        for (var turn = 0; turn < BatchesPerTurn; turn++)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                return delivered;
            }

            var (claimed, succeeded) = await DispatchBatchAsync(module, cancellationToken);
            delivered += succeeded;
            if (claimed < BatchSize)
            {
                return delivered;
            }
        }

        signal.Notify(module.Name);
        return delivered;
    }

    /// <summary>The recurring sweeper: one turn for every module's outbox.</summary>
    public async Task DispatchAllAsync(CancellationToken cancellationToken = default)
    {
        foreach (var module in catalog.Modules)
        {
            await DispatchAsync(module.Name, cancellationToken);
        }
    }

    private async Task<(int Claimed, int Succeeded)> DispatchBatchAsync(ModuleDescriptor module, CancellationToken cancellationToken)
    {
        using var activity = AllianceTelemetry.Messaging.StartActivity("outbox dispatch");
        activity?.SetTag("alliance.module", module.Name);
        var batch = await ClaimAsync(module, cancellationToken);
        activity?.SetTag("alliance.outbox.claimed", batch.Count);
        var succeeded = 0;
        DateTimeOffset? nextRetry = null;
        foreach (var message in batch)
        {
            var outcome = await DeliverAsync(message, cancellationToken);
            if (outcome is null)
            {
                message.Status = OutboxStatus.Delivered;
                message.ProcessedAt = clock.GetUtcNow();
                message.LastError = null;
                succeeded++;
                metrics.Delivered(module.Name);
            }
            else
            {
                message.LastError = outcome.Error.Length > 4000 ? outcome.Error[..4000] : outcome.Error;
                var givenUp = outcome.Permanent || message.Attempts >= MaxAttempts;
                metrics.DeliveryFailed(module.Name, givenUp);
                if (givenUp)
                {
                    // Retrying cannot help or has not: the row waits for an administrator to replay or discard it.
                    message.Status = OutboxStatus.Failed;
                    logger.LogError("Outbox message {Id} ({Type}) of {Module} failed after {Attempts} attempt(s) and will not be retried: {Error}",
                        message.Id, message.Type, module.Name, message.Attempts, message.LastError);
                }
                else
                {
                    message.NextAttemptAt = clock.GetUtcNow() + Backoff(message.Attempts);
                    if (nextRetry is null || message.NextAttemptAt < nextRetry)
                    {
                        nextRetry = message.NextAttemptAt;
                    }
                }
            }

            await RecordAsync(module, message, CancellationToken.None);
        }

        if (nextRetry is { } due)
        {
            // Retry when the backoff is over rather than at the next minute sweep.
            signal.NotifyAt(module.Name, due - clock.GetUtcNow());
        }

        return (batch.Count, succeeded);
    }

    /// <summary>Takes the oldest due rows in one statement (its own short transaction) and leases them.</summary>
    private async Task<List<OutboxMessage>> ClaimAsync(ModuleDescriptor module, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = (DbContext)scope.ServiceProvider.GetRequiredService(module.DbContextType);
        var schema = db.Model.GetDefaultSchema() ?? module.Name;
        var now = clock.GetUtcNow();
        var leasedUntil = Lease.Until(now, options.Value.Lease);
        // The schema comes from the module's own model, never from input; the values are parameters.
#pragma warning disable EF1002
        var claimed = await db.Set<OutboxMessage>()
            .FromSqlRaw(
                $$"""
                UPDATE "{{schema}}".outbox_messages AS m
                SET locked_until = {0}, attempts = m.attempts + 1
                FROM (
                    SELECT id FROM "{{schema}}".outbox_messages
                    WHERE status = 0 AND next_attempt_at <= {1} AND (locked_until IS NULL OR locked_until <= {1})
                    ORDER BY occurred_at
                    LIMIT {{BatchSize}}
                    FOR UPDATE SKIP LOCKED) AS due
                WHERE m.id = due.id
                RETURNING m.*
                """, leasedUntil, now)
            .AsNoTracking()
            .ToListAsync(cancellationToken);
#pragma warning restore EF1002
        return claimed.OrderBy(m => m.OccurredAt).ToList();
    }

    /// <summary>Writes one row's result, unless its lease ran out and another dispatcher has taken it since.</summary>
    private async Task RecordAsync(ModuleDescriptor module, OutboxMessage message, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = (DbContext)scope.ServiceProvider.GetRequiredService(module.DbContextType);
        var updated = await db.Set<OutboxMessage>()
            .Where(m => m.Id == message.Id && m.LockedUntil == message.LockedUntil)
            .ExecuteUpdateAsync(row => row
                .SetProperty(m => m.Status, message.Status)
                .SetProperty(m => m.ProcessedAt, message.ProcessedAt)
                .SetProperty(m => m.LastError, message.LastError)
                .SetProperty(m => m.NextAttemptAt, message.NextAttemptAt)
                .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null), cancellationToken);
        if (updated == 0)
        {
            logger.LogWarning("The lease on outbox message {Id} of {Module} ran out during delivery; another dispatcher owns it now",
                message.Id, module.Name);
        }
    }

    /// <summary>5 s, 10 s, 20 s … capped at one hour.</summary>
    internal static TimeSpan Backoff(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(3600, 5 * Math.Pow(2, Math.Min(attempts - 1, 12))));

    private sealed record Failure(string Error, bool Permanent);

    private async Task<Failure?> DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        IntegrationEvent integrationEvent;
        try
        {
            integrationEvent = IntegrationEventSerializer.Deserialize(catalog.Events, message.Type, message.Payload);
        }
        catch (UnreadableMessageException exception)
        {
            return new Failure(exception.Message, Permanent: true);
        }

        var errors = new List<string>();
        foreach (var handlerType in catalog.HandlersOf(integrationEvent.GetType()))
        {
            try
            {
                await DeliverToAsync(handlerType, integrationEvent, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "Subscriber {Handler} failed on event {EventId}; it will be retried",
                    handlerType.Name, integrationEvent.EventId);
                errors.Add($"{handlerType.FullName}: {exception.Message}");
            }
        }

        return errors.Count == 0 ? null : new Failure(string.Join(Environment.NewLine, errors), Permanent: false);
    }

    private async Task DeliverToAsync(Type handlerType, IntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        var subscriber = catalog.ModuleOfAssembly(handlerType.Assembly)
            ?? throw new InvalidOperationException($"{handlerType} belongs to no module.");
        var handlerName = handlerType.FullName!;

        await using var scope = scopes.CreateAsyncScope();
        var db = (DbContext)scope.ServiceProvider.GetRequiredService(subscriber.DbContextType);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var seen = await db.Set<InboxMessage>()
            .AnyAsync(m => m.EventId == integrationEvent.EventId && m.Handler == handlerName, cancellationToken);
        if (seen)
        {
            return;
        }

        var handler = scope.ServiceProvider.GetRequiredService(handlerType);
        var handle = typeof(INotificationHandler<>).MakeGenericType(integrationEvent.GetType()).GetMethod("Handle")!;
        await (Task)handle.Invoke(handler, [integrationEvent, cancellationToken])!;

        db.Set<InboxMessage>().Add(new InboxMessage
        {
            EventId = integrationEvent.EventId,
            Handler = handlerName,
            ProcessedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}

/// <summary>Lease expiries, cut to whole milliseconds so the value read back from PostgreSQL compares equal.</summary>
internal static class Lease
{
    public static DateTimeOffset Until(DateTimeOffset now, TimeSpan lease)
    {
        var until = now + lease;
        return until.AddTicks(-(until.UtcTicks % TimeSpan.TicksPerMillisecond)).ToUniversalTime();
    }
}
