using System.Collections.Concurrent;
using System.Linq.Expressions;
using Hangfire;
using Hangfire.States;

namespace Alliance.Shared.Jobs;

/// <summary>
/// Enqueues the Hangfire job that works off a queue of our own (an outbox, the mail queue) after a commit added to
/// it, unless a job for the same queue is still waiting in Hangfire's queue. Before, every commit enqueued one job:
/// 200 registrations queued 200 confirmation mails and 200 "send what is due" jobs, each costing Hangfire three
/// inserts, a fetch and two state changes to find the one or two mails the first job had left; on the test host
/// 1,400 such jobs piled up and held real work back for minutes.
/// </summary>
/// <remarks>
/// Skipping is safe because a job whose state is still Enqueued has not begun to run: Hangfire commits the
/// Processing state before it calls the job, and the caller committed its rows before it calls
/// <see cref="Enqueue{T}"/>, so the waiting job reads them. The state is read from Hangfire's storage, so this holds
/// when the job runs on another host too. A job remembered longer than <see cref="Patience"/> ago is not trusted
/// (deleted by hand from the dashboard, say): a new one is enqueued. The recurring sweeps stay the safety net.
/// </remarks>
public sealed class WakeUpJobs(IBackgroundJobClient jobs, JobStorage storage, TimeProvider clock)
{
    /// <summary>How long a remembered waiting job is trusted to still run (a minute: the sweeps' interval).</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, (string JobId, DateTimeOffset EnqueuedAt)> _waiting = new(StringComparer.Ordinal);

    /// <summary>
    /// Enqueues <paramref name="job"/> for the queue named <paramref name="queue"/> unless its last job is still
    /// waiting. Throws what Hangfire's storage throws (the callers log and rely on the sweep).
    /// </summary>
    public void Enqueue<T>(string queue, Expression<Func<T, Task>> job)
    {
        if (_waiting.TryGetValue(queue, out var last) && clock.GetUtcNow() - last.EnqueuedAt < Patience && IsWaiting(last.JobId))
        {
            return;
        }

        // Two callers may both get here and enqueue: one job too many, never one too few.
        _waiting[queue] = (jobs.Enqueue(job), clock.GetUtcNow());
    }

    private bool IsWaiting(string jobId)
    {
        using var connection = storage.GetConnection();
        return connection.GetStateData(jobId)?.Name == EnqueuedState.StateName;
    }
}
