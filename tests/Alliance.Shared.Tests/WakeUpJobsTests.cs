using Alliance.Shared.Tests.TestModule;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Alliance.Shared.Tests;

/// <summary>
/// Commits wake the dispatcher through <c>WakeUpJobs</c>: while a dispatch job for an outbox still waits in Hangfire's
/// queue, further commits enqueue none (it will read them), and once that job has left the queue the next commit
/// enqueues a new one. The host runs no job server, so nothing takes the waiting job.
/// </summary>
public sealed class WakeUpJobsTests(ManualDispatchApp app) : IClassFixture<ManualDispatchApp>
{
    [Fact]
    public async Task Thirty_commits_wait_for_one_dispatch_job_and_a_job_gone_from_the_queue_is_replaced()
    {
        for (var i = 0; i < 30; i++)
        {
            await app.SendAsync(new RecordPing($"burst {i}"));
        }

        var waiting = Assert.Single(await DispatchJobsAsync("Enqueued"));

        // The waiting job leaves the queue (taken, or deleted on the dashboard): the next commit enqueues a new one.
        Assert.True(app.Services.GetRequiredService<IBackgroundJobClient>().Delete(waiting));
        await app.SendAsync(new RecordPing("after the job left"));
        var replacement = Assert.Single(await DispatchJobsAsync("Enqueued"));
        Assert.NotEqual(waiting, replacement);

        // Nothing was lost by skipping: one dispatch delivers all 31 events.
        Assert.Equal(31, await app.DispatchAsync());
    }

    /// <summary>Ids of the Hangfire jobs in <paramref name="state"/> that dispatch the test module's outbox.</summary>
    private Task<List<string>> DispatchJobsAsync(string state) =>
        app.WithTestDbAsync(db => db.Database.SqlQueryRaw<string>(
                """
                SELECT id::text AS "Value" FROM hangfire.job
                WHERE statename = {0} AND invocationdata::text LIKE '%DispatchAsync%' AND arguments::text LIKE {1}
                """, state, $"%{KernelTestDbContext.Schema}%")
            .ToListAsync());
}
