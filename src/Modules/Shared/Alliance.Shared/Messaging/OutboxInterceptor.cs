using System.Data.Common;
using Alliance.Shared.Modules;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Alliance.Shared.Messaging;

/// <summary>
/// Signals the dispatcher after outbox rows are committed: straight after SaveChanges when no explicit
/// transaction is open, otherwise after that transaction commits (before that, the rows are invisible to it).
/// </summary>
internal sealed class OutboxInterceptor(OutboxSignal signal, ModuleCatalog catalog) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly HashSet<DbContext> _pending = [];

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db && db.ChangeTracker.Entries<OutboxMessage>().Any(e => e.State == EntityState.Added))
        {
            lock (_pending)
            {
                _pending.Add(db);
            }
        }

        return ValueTask.FromResult(result);
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db && db.Database.CurrentTransaction is null)
        {
            Flush(db);
        }

        return ValueTask.FromResult(result);
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db)
        {
            Flush(db);
        }

        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is { } db)
        {
            Flush(db);
        }
    }

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db)
        {
            lock (_pending)
            {
                _pending.Remove(db);
            }
        }

        return Task.CompletedTask;
    }

    private void Flush(DbContext db)
    {
        bool had;
        lock (_pending)
        {
            had = _pending.Remove(db);
        }

        if (had && catalog.ModuleOfAssembly(db.GetType().Assembly) is { } module)
        {
            signal.Notify(module.Name);
        }
    }
}
