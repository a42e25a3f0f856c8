using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Alliance.Shared.Messaging;

/// <summary>
/// Sends the Hangfire enqueues that commits ask for (dispatch this outbox, send the mail queue) off the request's
/// thread and coalesced: while one is waiting to be sent, asking again for the same key adds nothing. Hangfire's
/// enqueue is a synchronous transaction in its PostgreSQL storage; done on every commit it blocked a thread-pool thread
/// per request and, inside a meeting's registration turn, serialised 500 registrations behind 500 enqueues. A burst
/// now costs one enqueue per key and drain — enough, because each job handles everything pending when it runs (the
/// dispatcher re-queues itself while rows remain) and the enqueue is always sent after the commit that asked for it.
/// A lost signal (crash before it is sent) only delays: the minute sweeps deliver.
/// </summary>
public sealed class JobSignals(ILogger<JobSignals> logger)
{
    private readonly ConcurrentDictionary<string, Action> _wanted = new(StringComparer.Ordinal);
    private int _draining;

    /// <summary>How many enqueues were sent (for tests and metrics).</summary>
    public long Sent => Interlocked.Read(ref _sent);

    private long _sent;

    /// <summary>Asks for <paramref name="enqueue"/> to run soon on a background thread, once for every burst of asks with this <paramref name="key"/>.</summary>
    public void Want(string key, Action enqueue)
    {
        _wanted[key] = enqueue;
        if (Interlocked.CompareExchange(ref _draining, 1, 0) == 0)
        {
            _ = Task.Run(Drain);
        }
    }

    private void Drain()
    {
        while (true)
        {
            foreach (var key in _wanted.Keys)
            {
                if (_wanted.TryRemove(key, out var enqueue))
                {
                    try
                    {
                        enqueue();
                        Interlocked.Increment(ref _sent);
                    }
                    catch (Exception exception)
                    {
                        logger.LogWarning(exception, "Could not enqueue the job for {Key}; the minute sweep will do it", key);
                    }
                }
            }

            // Stop, unless an ask came in after the keys were read and its caller saw this drain still running.
            Volatile.Write(ref _draining, 0);
            if (_wanted.IsEmpty || Interlocked.CompareExchange(ref _draining, 1, 0) != 0)
            {
                return;
            }
        }
    }
}
