using Alliance.Members.Accounts;
using Microsoft.Extensions.Configuration;

namespace Alliance.Members.Tests;

/// <summary>The per-address waits on their own, on a clock the test moves.</summary>
public sealed class SignInThrottleTests
{
    private sealed class ManualClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static (SignInThrottle Throttle, ManualClock Clock) Create()
    {
        var clock = new ManualClock();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Security:SignIn:FreeFailures"] = "3",
            ["Security:SignIn:FirstDelay"] = "00:00:10",
            ["Security:SignIn:MaxDelay"] = "00:01:00",
            ["Security:SignIn:FailureWindow"] = "01:00:00",
            ["Security:PasswordReset:MailsPerHour"] = "2",
        }).Build();
        return (new SignInThrottle(clock, configuration), clock);
    }

    [Fact]
    public void Waits_double_per_failure_up_to_the_maximum_and_are_the_same_for_any_spelling_of_the_address()
    {
        var (throttle, clock) = Create();
        Assert.Null(throttle.Failed("Chef@Example.org"));
        Assert.Null(throttle.Failed(" chef@example.org "));
        var waits = new List<TimeSpan?>();
        for (var failure = 0; failure < 6; failure++)
        {
            waits.Add(throttle.Failed("CHEF@example.org"));
            clock.Now += waits[^1]!.Value;
        }

        Assert.Equal(new TimeSpan?[] { TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(40), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1) }, waits);
    }

    [Fact]
    public void While_waiting_attempts_are_refused_and_a_clear_ends_the_wait()
    {
        var (throttle, clock) = Create();
        for (var failure = 0; failure < 3; failure++)
        {
            throttle.Failed("admin@example.org");
        }

        Assert.Equal(TimeSpan.FromSeconds(10), throttle.WaitFor("admin@example.org"));
        clock.Now += TimeSpan.FromSeconds(4);
        Assert.Equal(TimeSpan.FromSeconds(6), throttle.WaitFor("Admin@Example.org"));
        Assert.Null(throttle.WaitFor("someone-else@example.org"));
        throttle.Clear("admin@example.org");
        Assert.Null(throttle.WaitFor("admin@example.org"));
        clock.Now += TimeSpan.FromSeconds(7);
        Assert.Null(throttle.BlockedUntil("admin@example.org"));
    }

    [Fact]
    public void Failures_are_forgotten_after_the_failure_window()
    {
        var (throttle, clock) = Create();
        throttle.Failed("slow@example.org");
        throttle.Failed("slow@example.org");
        clock.Now += TimeSpan.FromHours(2);
        Assert.Null(throttle.Failed("slow@example.org"));
        Assert.Null(throttle.Failed("slow@example.org"));
        Assert.Equal(TimeSpan.FromSeconds(10), throttle.Failed("slow@example.org"));
    }

    [Fact]
    public void Reset_mails_are_counted_per_address_and_hour()
    {
        var (throttle, clock) = Create();
        Assert.True(throttle.TryTakeResetMail("flood@example.org"));
        Assert.True(throttle.TryTakeResetMail("FLOOD@example.org"));
        Assert.False(throttle.TryTakeResetMail("flood@example.org"));
        Assert.True(throttle.TryTakeResetMail("other@example.org"));
        clock.Now += TimeSpan.FromMinutes(61);
        Assert.True(throttle.TryTakeResetMail("flood@example.org"));
    }
}
