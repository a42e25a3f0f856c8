using Alliance.Shared.Messaging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Alliance.Shared.Tests;

/// <summary>
/// The enqueues commits ask for are coalesced and sent off the caller's thread — and never lost: after the last ask an
/// enqueue always starts (else a committed event would wait for the minute sweep).
/// </summary>
public sealed class JobSignalsTests
{
    [Fact]
    public async Task A_burst_of_asks_sends_few_enqueues_and_one_always_starts_after_the_last_ask()
    {
        var signals = new JobSignals(NullLogger<JobSignals>.Instance);
        long asked = 0, seenByLatestStart = 0, enqueued = 0, mailEnqueued = 0;

        void Enqueue()
        {
            var seen = Interlocked.Read(ref asked);
            long current;
            while ((current = Interlocked.Read(ref seenByLatestStart)) < seen && Interlocked.CompareExchange(ref seenByLatestStart, seen, current) != current)
            {
            }

            Interlocked.Increment(ref enqueued);
            Thread.Sleep(10); // an enqueue is a database transaction
        }

        var callers = Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 2_000; i++)
            {
                Interlocked.Increment(ref asked);
                signals.Want("outbox:meetings", Enqueue);
                if (i % 100 == 0)
                {
                    signals.Want("mail", () => Interlocked.Increment(ref mailEnqueued));
                }
            }
        }));
        await Task.WhenAll(callers);

        await Eventually.Until(() => Task.FromResult(Interlocked.Read(ref seenByLatestStart) == 16_000), TimeSpan.FromSeconds(10),
            "an enqueue that started after the last ask");
        Assert.InRange(Interlocked.Read(ref enqueued), 1, 1_600); // at least ten asks per enqueue
        Assert.True(Interlocked.Read(ref mailEnqueued) >= 1, "every key is sent, not only the busiest");
    }
}
