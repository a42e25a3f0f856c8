using System.Diagnostics;
using System.Net;
using Npgsql;

namespace Alliance.Host.Tests;

/// <summary>The host with a short stale-lock timeout, so a dead process' lock expires within the test.</summary>
public sealed class RestartApp : AllianceApp
{
    public static readonly Dictionary<string, string?> RestartSettings = new() { ["Jobs:StaleLockTimeout"] = "00:00:05" };

    protected override IDictionary<string, string?> Settings => RestartSettings;
}

/// <summary>Issue 9, "Restart blocked after a crash": locks a killed process left in hangfire.lock never block start-up.</summary>
public sealed class RestartTests(RestartApp app) : IClassFixture<RestartApp>
{
    private async Task<T> SqlAsync<T>(string sql, Func<NpgsqlCommand, Task<T>> run)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await run(command);
    }

    private Task<long> CountAsync(string sql) => SqlAsync(sql, async c => (long)(await c.ExecuteScalarAsync())!);

    [Fact]
    public async Task A_restart_after_a_kill_is_ready_at_once_and_the_recurring_jobs_still_register()
    {
        // The running host registers its recurring jobs once it has started, which on a busy machine can come after
        // the fixture is ready: wait for that, or its registration would undo the removal below.
        await Eventually.Until(() => CountAsync("SELECT count(*) FROM hangfire.set WHERE key = 'recurring-jobs' AND value = 'mail-send'"),
            count => count == 1, timeout: TimeSpan.FromSeconds(60), what: "the running host's recurring jobs registered");

        // As a process killed during its per-minute jobs leaves them: lock rows of this very moment for the
        // recurring jobs' bookkeeping. One job's registration is taken away so its coming back shows.
        await SqlAsync("""
            DELETE FROM hangfire.set WHERE key = 'recurring-jobs' AND value = 'mail-send';
            DELETE FROM hangfire.hash WHERE key = 'recurring-job:mail-send';
            INSERT INTO hangfire.lock (resource, updatecount, acquired) VALUES
                ('lock:recurring-job:mail-send', 0, now()),
                ('lock:recurring-job:outbox-sweep', 0, now()),
                ('recurring-jobs:lock', 0, now())
            ON CONFLICT DO NOTHING;
            """, c => c.ExecuteNonQueryAsync());
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM hangfire.set WHERE key = 'recurring-jobs' AND value = 'mail-send'"));

        var watch = Stopwatch.StartNew();
        await app.StartHostAsync(RestartApp.RestartSettings);
        var started = watch.Elapsed;

        // Before the fix the start waited on the lock and then died with PostgreSqlDistributedLockException.
        using var client = app.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        Assert.True(started < TimeSpan.FromSeconds(15), $"start took {started}");

        // The dead lock expires after Jobs:StaleLockTimeout (5 s here, 1 minute by default) and the job is back.
        await Eventually.Until(() => CountAsync("SELECT count(*) FROM hangfire.set WHERE key = 'recurring-jobs' AND value = 'mail-send'"),
            count => count == 1, timeout: TimeSpan.FromSeconds(60), what: "the mail-send recurring job registered again");
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM hangfire.lock WHERE resource = 'lock:recurring-job:mail-send' AND acquired < now() - interval '30 seconds'"));
    }
}
