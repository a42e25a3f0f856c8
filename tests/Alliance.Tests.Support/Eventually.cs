namespace Alliance.Tests.Support;

/// <summary>Waits for a cross-module effect by polling with a deadline — never by sleeping a fixed time.</summary>
public static class Eventually
{
    /// <param name="describe">How to show the last value in the timeout message (default: ToString).</param>
    public static async Task<T> Until<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan? timeout = null, string? what = null, Func<T, string>? describe = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        T last;
        do
        {
            last = await probe();
            if (done(last))
            {
                return last;
            }

            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);

        throw new TimeoutException($"Timed out waiting for {what ?? "the condition"}; last value: {(describe is null ? last?.ToString() : describe(last))}");
    }

    public static Task Until(Func<Task<bool>> probe, TimeSpan? timeout = null, string? what = null) =>
        Until(probe, ok => ok, timeout, what);
}
