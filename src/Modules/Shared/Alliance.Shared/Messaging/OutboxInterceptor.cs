using System.Data.Common;
using System.Runtime.CompilerServices;
using Alliance.Shared.Mail;
using Alliance.Shared.Modules;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Alliance.Shared.Messaging;

/// <summary>
/// Signals the dispatcher after outbox rows are committed, and the mail sender after queued mails are: straight
/// after SaveChanges when no explicit transaction is open, otherwise after that transaction commits (before that,
/// the rows are invisible to them).
/// </summary>
internal sealed class OutboxInterceptor(OutboxSignal signal, MailSignal mailSignal, ModuleCatalog catalog) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    // Weak keys: a context whose transaction is disposed without commit or rollback must not be kept alive.
    private readonly ConditionalWeakTable<DbContext, Added> _pending = new();

    /// <summary>What a context added that someone must hear about once it is committed.</summary>
    private sealed class Added
    {
        public bool Events { get; set; }
        public bool Mails { get; set; }
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Remember(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Remember(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        FlushIfCommitted(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        FlushIfCommitted(eventData.Context);
        return result;
    }

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

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
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    private void Remember(DbContext? db)
    {
        if (db is null)
        {
            return;
        }

        var events = db.ChangeTracker.Entries<OutboxMessage>().Any(e => e.State == EntityState.Added);
        var mails = db is MailDbContext && db.ChangeTracker.Entries<EmailMessage>().Any(e => e.State == EntityState.Added);
        if (events || mails)
        {
            var added = _pending.GetOrCreateValue(db);
            added.Events |= events;
            added.Mails |= mails;
        }
    }

    private void FlushIfCommitted(DbContext? db)
    {
        if (db is not null && db.Database.CurrentTransaction is null)
        {
            Flush(db);
        }
    }

    /// <summary>Nothing was committed: no signal, and no reference kept to the context (this interceptor is a singleton).</summary>
    private void Forget(DbContext? db)
    {
        if (db is null)
        {
            return;
        }

        _pending.Remove(db);
    }

    private void Flush(DbContext db)
    {
        if (!_pending.TryGetValue(db, out var added))
        {
            return;
        }

        _pending.Remove(db);
        if (added.Events && catalog.ModuleOfAssembly(db.GetType().Assembly) is { } module)
        {
            signal.Notify(module.Name);
        }

        if (added.Mails)
        {
            mailSignal.AfterCommit();
        }
    }
}
