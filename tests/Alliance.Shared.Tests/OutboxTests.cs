using Alliance.Shared.Messaging;
using Alliance.Shared.Tests.TestModule;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Alliance.Shared.Tests;

internal static class OutboxProbes
{
    public static Task<OutboxMessage> OutboxRowAsync(this KernelTestApp app, Guid eventId) =>
        app.WithTestDbAsync(db => db.Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.Id == eventId));

    public static Task<int> DispatchAsync(this KernelTestApp app) =>
        app.WithScopeAsync(sp => sp.GetRequiredService<OutboxDispatcher>().DispatchAsync(KernelTestDbContext.Schema));
}

public sealed class OutboxCrashTests(ManualDispatchApp app) : IClassFixture<ManualDispatchApp>
{
    [Fact]
    public async Task An_event_committed_before_a_crash_is_delivered_by_the_next_host()
    {
        var happened = await app.SendAsync(new RecordPing("before the crash"));

        // The change and its event committed together; nothing delivered it (this host runs no job server).
        Assert.True(await app.WithTestDbAsync(db => db.Pings.AnyAsync(p => p.Id == happened.PingId)));
        var pending = await app.OutboxRowAsync(happened.EventId);
        Assert.Null(pending.ProcessedAt);
        Assert.Equal(0, pending.Attempts);
        Assert.Empty(await app.EffectsOfAsync(happened.EventId));

        // The crash loses the wake-up signal too (the queued Hangfire job): only the outbox row is left.
        await app.WithTestDbAsync(db => db.Database.ExecuteSqlRawAsync("DELETE FROM hangfire.jobqueue"));
        await app.StartHostAsync(new Dictionary<string, string?> { ["Jobs:RunServer"] = "true" });

        var effects = await Eventually.Until(() => app.EffectsOfAsync(happened.EventId), e => e.Count >= 2,
            timeout: TimeSpan.FromSeconds(90), what: "both subscribers' effects after the restart");
        Assert.Equal([FlakyPingSubscriber.Name, RecordPingEffect.Name], effects.Select(e => e.Subscriber).Order());
        var delivered = await Eventually.Until(() => app.OutboxRowAsync(happened.EventId), m => m.ProcessedAt is not null,
            what: "the outbox row marked delivered");
        Assert.Equal(1, delivered.Attempts);
        Assert.Null(delivered.LastError);
        Assert.Equal(OutboxStatus.Delivered, delivered.Status);
        Assert.Equal(EventNames.Of(typeof(PingHappened)), delivered.Type);
        Assert.Equal("kerneltest.ping-happened", delivered.Type);
    }
}

public sealed class OutboxRetryTests(KernelTestApp app) : IClassFixture<KernelTestApp>
{
    [Fact]
    public async Task A_failing_subscriber_is_retried_its_effect_happens_once_and_others_are_not_affected()
    {
        // The publisher's request succeeds although one subscriber will fail twice.
        var happened = await app.SendAsync(new RecordPing("flaky", FailuresBeforeSuccess: 2));
        Assert.True(await app.WithTestDbAsync(db => db.Pings.AnyAsync(p => p.Id == happened.PingId)));

        // The healthy subscriber gets the event although the other one fails.
        await Eventually.Until(async () => (await app.EffectsOfAsync(happened.EventId)).Any(e => e.Subscriber == RecordPingEffect.Name),
            timeout: TimeSpan.FromSeconds(30), what: "the healthy subscriber's effect before the flaky one's retries");

        // Retried with backoff (5 s, then 10 s) until it succeeds: by the scheduled retries, not the minute sweeper
        // (which could do at most one of the two within this time).
        var delivered = await Eventually.Until(() => app.OutboxRowAsync(happened.EventId), m => m.ProcessedAt is not null,
            timeout: TimeSpan.FromSeconds(50), what: "delivery after the retries", describe: m => $"attempts {m.Attempts}, next {m.NextAttemptAt:O} (now {app.Clock.GetUtcNow():O}), error {m.LastError}");
        Assert.Equal(3, delivered.Attempts);
        var state = app.Services.GetRequiredService<FlakySubscriberState>();
        Assert.Equal(3, state.Calls(happened.EventId));

        // Redelivery of the same event (as after a crash before the row was marked) does nothing twice.
        await app.WithTestDbAsync(db => db.Database.ExecuteSqlAsync(
            $"UPDATE kerneltest.outbox_messages SET status = 0, processed_at = NULL, next_attempt_at = now() - interval '1 minute' WHERE id = {happened.EventId}"));
        await app.DispatchAsync();
        await Eventually.Until(async () => (await app.OutboxRowAsync(happened.EventId)).ProcessedAt is not null, what: "redelivery");

        var effects = await app.EffectsOfAsync(happened.EventId);
        var healthy = Assert.Single(effects, e => e.Subscriber == RecordPingEffect.Name);
        // The two failed attempts wrote an effect before throwing: both were rolled back.
        var flaky = Assert.Single(effects, e => e.Subscriber == FlakyPingSubscriber.Name);
        // The healthy subscriber was served on the first attempt, not held back by the retries (5 s + 10 s).
        Assert.True(flaky.At - healthy.At >= TimeSpan.FromSeconds(14), $"healthy at {healthy.At:O}, flaky at {flaky.At:O}");
        Assert.Equal(2, effects.Count);
        Assert.Equal(3, state.Calls(happened.EventId));
    }
}

public sealed class OutboxConcurrencyTests(ManualDispatchApp app) : IClassFixture<ManualDispatchApp>
{
    [Fact]
    public async Task Concurrent_dispatchers_never_deliver_one_event_twice()
    {
        const int events = 300;
        var ids = await app.WithTestDbAsync(async db =>
        {
            var now = app.Clock.GetUtcNow();
            var published = new List<Guid>();
            for (var i = 0; i < events; i++)
            {
                var happened = new PingHappened(Guid.NewGuid(), 0);
                db.AddIntegrationEvent(happened, now);
                published.Add(happened.EventId);
            }

            await db.SaveChangesAsync();
            return published;
        });

        using var start = new Barrier(4);
        var dispatchers = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            start.SignalAndWait();
            return app.DispatchAsync();
        }));
        var delivered = await Task.WhenAll(dispatchers);

        Assert.Equal(events, delivered.Sum());
        var perEventAndSubscriber = await app.WithTestDbAsync(db => db.Effects.AsNoTracking()
            .Where(e => ids.Contains(e.EventId))
            .GroupBy(e => new { e.EventId, e.Subscriber })
            .Select(g => g.Count())
            .ToListAsync());
        Assert.Equal(events * 2, perEventAndSubscriber.Count);
        Assert.All(perEventAndSubscriber, count => Assert.Equal(1, count));
        var attempts = await app.WithTestDbAsync(db => db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => ids.Contains(m.Id)).Select(m => new { m.Attempts, m.ProcessedAt }).ToListAsync());
        Assert.All(attempts, m => Assert.True(m.Attempts == 1 && m.ProcessedAt is not null));
        Assert.Equal(events, await app.WithTestDbAsync(db => db.Set<OutboxMessage>()
            .CountAsync(m => ids.Contains(m.Id) && m.Status == OutboxStatus.Delivered && m.LockedUntil == null)));
    }
}

public sealed class OutboxPoisonTests(ManualDispatchApp app) : IClassFixture<ManualDispatchApp>
{
    [Fact]
    public async Task A_change_that_fails_to_commit_publishes_nothing()
    {
        var before = await app.WithTestDbAsync(db => db.Set<OutboxMessage>().CountAsync());

        // Too long for its column: the database refuses the row, and with it the event.
        await Assert.ThrowsAsync<DbUpdateException>(() => app.SendAsync(new RecordPing(new string('x', 300))));

        Assert.Equal(before, await app.WithTestDbAsync(db => db.Set<OutboxMessage>().CountAsync()));
        Assert.False(await app.WithTestDbAsync(db => db.Pings.AnyAsync(p => p.Label.Length > 200)));
    }

    [Fact]
    public void Backoff_doubles_from_five_seconds_and_stops_growing_at_an_hour()
    {
        Assert.Equal(TimeSpan.FromSeconds(5), OutboxDispatcher.Backoff(1));
        Assert.Equal(TimeSpan.FromSeconds(10), OutboxDispatcher.Backoff(2));
        Assert.Equal(TimeSpan.FromSeconds(40), OutboxDispatcher.Backoff(4));
        Assert.Equal(TimeSpan.FromHours(1), OutboxDispatcher.Backoff(OutboxDispatcher.MaxAttempts));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(-3, 0)]
    [InlineData(5_000, 6)]
    [InlineData(4_200, 6)]
    [InlineData(9_999, 11)]
    public void A_retry_is_scheduled_after_its_due_time_although_hangfire_keeps_whole_seconds(int dueInMilliseconds, int scheduledSeconds) =>
        Assert.Equal(TimeSpan.FromSeconds(scheduledSeconds), OutboxSignal.NotBefore(TimeSpan.FromMilliseconds(dueInMilliseconds)));

    [Fact]
    public async Task A_message_that_always_fails_waits_for_its_backoff_stops_after_max_attempts_and_is_logged()
    {
        var happened = await app.SendAsync(new RecordPing("poison", FailuresBeforeSuccess: int.MaxValue));
        var state = app.Services.GetRequiredService<FlakySubscriberState>();

        await app.DispatchAsync();
        var afterFirst = await app.OutboxRowAsync(happened.EventId);
        Assert.Equal(1, afterFirst.Attempts);
        Assert.Contains("fails on purpose", afterFirst.LastError, StringComparison.Ordinal);
        Assert.True(afterFirst.NextAttemptAt > app.Clock.GetUtcNow(), "the retry waits for its backoff");

        // Not due yet: a dispatch right away leaves it alone.
        await app.DispatchAsync();
        Assert.Equal(1, state.Calls(happened.EventId));

        for (var i = 0; i < OutboxDispatcher.MaxAttempts + 3; i++)
        {
            app.Clock.Advance(TimeSpan.FromHours(2));
            await app.DispatchAsync();
        }

        var poisoned = await app.OutboxRowAsync(happened.EventId);
        Assert.Equal(OutboxStatus.Failed, poisoned.Status);
        Assert.Null(poisoned.LockedUntil);
        Assert.Equal(OutboxDispatcher.MaxAttempts, poisoned.Attempts);
        Assert.Null(poisoned.ProcessedAt);
        Assert.Equal(OutboxDispatcher.MaxAttempts, state.Calls(happened.EventId));
        // The healthy subscriber got it once; the failing one left nothing behind.
        var effects = await app.EffectsOfAsync(happened.EventId);
        Assert.Equal(RecordPingEffect.Name, Assert.Single(effects).Subscriber);
        Assert.Contains(app.Logs.Entries, entry => entry.Level == LogLevel.Error
            && entry.Category == typeof(OutboxDispatcher).FullName
            && entry.Message.Contains(happened.EventId.ToString(), StringComparison.Ordinal)
            && entry.Message.Contains("will not be retried", StringComparison.Ordinal));
    }
}
