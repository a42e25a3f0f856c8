using Alliance.Shared.Contracts;
using Alliance.Shared.Modules;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Alliance.Shared.Messaging;

/// <summary>
/// Delivers one module's pending outbox rows. Rows are claimed with <c>FOR UPDATE SKIP LOCKED</c>, so two
/// dispatchers (two workers, two hosts) never take the same row. Each subscriber runs in its own scope and
/// transaction and records the event in its module's inbox in that transaction: an event it handled before is
/// skipped, a subscriber that throws is retried later without touching the publisher or the other subscribers.
/// </summary>
public sealed class OutboxDispatcher(
    IServiceScopeFactory scopes,
    ModuleCatalog catalog,
    OutboxSignal signal,
    TimeProvider clock,
    ILogger<OutboxDispatcher> logger)
{
    private const int BatchSize = 20;
    public const int MaxAttempts = 25;

    /// <summary>Hangfire entry point: delivers everything that is due in one module. Returns how many rows it delivered.</summary>
    public async Task<int> DispatchAsync(string moduleName, CancellationToken cancellationToken = default)
    {
        var module = catalog.Get(moduleName);
        var delivered = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var (claimed, succeeded) = await DispatchBatchAsync(module, cancellationToken);
            delivered += succeeded;
            if (claimed < BatchSize)
            {
                break;
            }
        }

        return delivered;
    }

    /// <summary>Delivers what is due in every module (the recurring sweeper).</summary>
    public async Task DispatchAllAsync(CancellationToken cancellationToken = default)
    {
        foreach (var module in catalog.Modules)
        {
            await DispatchAsync(module.Name, cancellationToken);
        }
    }

    private async Task<(int Claimed, int Succeeded)> DispatchBatchAsync(ModuleDescriptor module, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = (DbContext)scope.ServiceProvider.GetRequiredService(module.DbContextType);
        var schema = db.Model.GetDefaultSchema() ?? module.Name;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var now = clock.GetUtcNow();
        // The schema comes from the module's own model, never from input; the values are parameters.
#pragma warning disable EF1002
        var batch = await db.Set<OutboxMessage>()
            .FromSqlRaw(
                $$"""
                SELECT * FROM "{{schema}}".outbox_messages
                WHERE processed_at IS NULL AND next_attempt_at <= {0} AND attempts < {1}
                ORDER BY occurred_at
                LIMIT {{BatchSize}}
                FOR UPDATE SKIP LOCKED
                """, now, MaxAttempts)
            .ToListAsync(cancellationToken);
#pragma warning restore EF1002

        var succeeded = 0;
        DateTimeOffset? nextRetry = null;
        foreach (var message in batch)
        {
            var error = await DeliverAsync(message, cancellationToken);
            message.Attempts++;
            if (error is null)
            {
                message.ProcessedAt = clock.GetUtcNow();
                message.LastError = null;
                succeeded++;
            }
            else
            {
                message.LastError = error.Length > 4000 ? error[..4000] : error;
                message.NextAttemptAt = clock.GetUtcNow() + Backoff(message.Attempts);
                if (message.Attempts >= MaxAttempts)
                {
                    // A poison message: it stays in the outbox (with its last error) for someone to look at.
                    logger.LogError("Outbox message {Id} ({Type}) of {Module} failed {Attempts} times and will not be retried: {Error}",
                        message.Id, message.Type, module.Name, message.Attempts, message.LastError);
                }
                else if (nextRetry is null || message.NextAttemptAt < nextRetry)
                {
                    nextRetry = message.NextAttemptAt;
                }
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (nextRetry is { } due)
        {
            // Retry when the backoff is over rather than at the next minute sweep.
            signal.NotifyAt(module.Name, due - clock.GetUtcNow());
        }

        return (batch.Count, succeeded);
    }

    /// <summary>5 s, 10 s, 20 s … capped at one hour.</summary>
    internal static TimeSpan Backoff(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(3600, 5 * Math.Pow(2, Math.Min(attempts - 1, 12))));

    private async Task<string?> DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        IntegrationEvent integrationEvent;
        try
        {
            integrationEvent = IntegrationEventSerializer.Deserialize(message.Type, message.Payload);
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Outbox message {Id} of type {Type} cannot be read", message.Id, message.Type);
            return exception.Message;
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

        return errors.Count == 0 ? null : string.Join(Environment.NewLine, errors);
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
