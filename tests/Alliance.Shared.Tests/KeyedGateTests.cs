using Alliance.Shared.Concurrency;

namespace Alliance.Shared.Tests;

public sealed class KeyedGateTests
{
    [Fact]
    public async Task One_caller_per_key_at_a_time_and_other_keys_are_not_held_up()
    {
        var gate = new KeyedGate<int>();
        var inside = 0;
        var most = 0;
        async Task UseAsync(int key)
        {
            using var turn = await gate.EnterAsync(key, CancellationToken.None);
            if (key == 1)
            {
                var now = Interlocked.Increment(ref inside);
                InterlockedMax(ref most, now);
                await Task.Delay(2);
                Interlocked.Decrement(ref inside);
            }
        }

        using (await gate.EnterAsync(2, CancellationToken.None))
        {
            // Key 2 is held: key 1's callers still get through one by one.
            await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => UseAsync(1))));
        }

        Assert.Equal(1, most);
    }

    [Fact]
    public async Task A_cancelled_wait_holds_nothing_and_the_next_caller_gets_in()
    {
        var gate = new KeyedGate<string>();
        var first = await gate.EnterAsync("meeting", CancellationToken.None);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => gate.EnterAsync("meeting", cancel.Token));
        first.Dispose();
        using var next = await gate.EnterAsync("meeting", new CancellationTokenSource(TimeSpan.FromSeconds(5)).Token);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
