namespace Alliance.Shared.Concurrency;

/// <summary>
/// Lets one caller per key through at a time inside this process, waiting without holding anything else. Used in front
/// of a database row lock that serialises writers anyway (e.g. a meeting's registrations): without the gate every
/// waiter holds a pooled connection while it waits for the row, so a burst larger than the pool starves everyone,
/// the lock holder included. The row lock stays the guarantee across hosts; the gate only keeps waiters in memory.
/// Keys are removed when nobody holds or waits for them, so memory stays proportional to the keys in use.
/// </summary>
public sealed class KeyedGate<TKey> where TKey : notnull
{
    private readonly Dictionary<TKey, Entry> _entries = [];

    /// <summary>Waits until no other caller of this process holds <paramref name="key"/>; dispose the answer to let the next one in.</summary>
    /// <exception cref="OperationCanceledException">The wait was cancelled (nothing is held then).</exception>
    public async Task<IDisposable> EnterAsync(TKey key, CancellationToken cancellationToken)
    {
        Entry entry;
        lock (_entries)
        {
            if (!_entries.TryGetValue(key, out entry!))
            {
                entry = new Entry();
                _entries[key] = entry;
            }

            entry.Users++;
        }

        try
        {
            await entry.Semaphore.WaitAsync(cancellationToken);
        }
        catch
        {
            Release(key, entry, entered: false);
            throw;
        }

        return new Pass(this, key, entry);
    }

    private void Release(TKey key, Entry entry, bool entered)
    {
        if (entered)
        {
            entry.Semaphore.Release();
        }

        lock (_entries)
        {
            if (--entry.Users == 0)
            {
                _entries.Remove(key);
                entry.Semaphore.Dispose();
            }
        }
    }

    private sealed class Entry
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        public int Users { get; set; }
    }

    private sealed class Pass(KeyedGate<TKey> gate, TKey key, Entry entry) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                gate.Release(key, entry, entered: true);
            }
        }
    }
}
