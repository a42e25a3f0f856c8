using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;

namespace Alliance.Members.Accounts;

/// <summary>
/// Per-address limits on sign-in and password-reset mails, in memory of this host process. Keyed by the
/// normalised address whether or not an account has it, so the answers never tell which addresses exist.
/// <para>
/// Sign-in: after <c>Security:SignIn:FreeFailures</c> wrong passwords in a row the address waits
/// <c>FirstDelay</c>; each further failure doubles the wait, at most <c>MaxDelay</c>. While it waits, every
/// attempt (right or wrong) is refused without checking the password and does not count. So a stranger cannot
/// keep an account closed for longer than <c>MaxDelay</c> after their last try, a correct password reset or an
/// administrator's unlock opens it at once, and guessing stays slow. Failures are forgotten after
/// <c>FailureWindow</c> without one.
/// </para>
/// <para>Password reset: at most <c>Security:PasswordReset:MailsPerHour</c> mails per address per hour.</para>
/// </summary>
internal sealed class SignInThrottle(TimeProvider clock, IConfiguration configuration)
{
    /// <summary>Above this many remembered addresses, forgotten ones are swept out.</summary>
    private const int SweepAbove = 10_000;

    private readonly ConcurrentDictionary<string, Failures> _failures = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ResetMails> _resetMails = new(StringComparer.Ordinal);

    public int FreeFailures { get; } = configuration.GetValue("Security:SignIn:FreeFailures", 5);

    public TimeSpan FirstDelay { get; } = configuration.GetValue("Security:SignIn:FirstDelay", TimeSpan.FromSeconds(30));

    public TimeSpan MaxDelay { get; } = configuration.GetValue("Security:SignIn:MaxDelay", TimeSpan.FromMinutes(15));

    public TimeSpan FailureWindow { get; } = configuration.GetValue("Security:SignIn:FailureWindow", TimeSpan.FromHours(1));

    public int ResetMailsPerHour { get; } = configuration.GetValue("Security:PasswordReset:MailsPerHour", 3);

    /// <summary>The address as Identity compares it: trimmed, upper case.</summary>
    public static string Key(string? email) => (email ?? string.Empty).Trim().ToUpperInvariant();

    /// <summary>How long the address must still wait before a sign-in attempt is checked; null when it may try now.</summary>
    public TimeSpan? WaitFor(string email)
    {
        if (!_failures.TryGetValue(Key(email), out var failures))
        {
            return null;
        }

        var wait = failures.BlockedUntil - clock.GetUtcNow();
        return wait > TimeSpan.Zero ? wait : null;
    }

    /// <summary>When the address may try again (for the administrators' account list); null when it may now.</summary>
    public DateTimeOffset? BlockedUntil(string? email) =>
        _failures.TryGetValue(Key(email), out var failures) && failures.BlockedUntil > clock.GetUtcNow() ? failures.BlockedUntil : null;

    /// <summary>An account as the administrators see it: "locked" while its address waits after failed sign-ins.</summary>
    public AccountListItem Show(AccountListItem account) =>
        BlockedUntil(account.Email) is { } until ? account with { IsLockedOut = true, LockoutEnd = until } : account;

    /// <summary>Counts a wrong password (or unknown address) and returns the wait it causes, if any.</summary>
    public TimeSpan? Failed(string email)
    {
        var now = clock.GetUtcNow();
        var updated = _failures.AddOrUpdate(Key(email),
            _ => Next(0, now),
            (_, previous) => Next(now - previous.LastFailure > FailureWindow ? 0 : previous.Count, now));
        Sweep(now);
        var wait = updated.BlockedUntil - now;
        return wait > TimeSpan.Zero ? wait : null;
    }

    /// <summary>A correct password, a password reset or an administrator's unlock: the address starts afresh.</summary>
    public void Clear(string? email) => _failures.TryRemove(Key(email), out _);

    /// <summary>Takes one reset mail from the address' hourly allowance; false when it is used up.</summary>
    public bool TryTakeResetMail(string email)
    {
        var now = clock.GetUtcNow();
        var taken = false;
        _resetMails.AddOrUpdate(Key(email),
            _ =>
            {
                taken = true;
                return new ResetMails(now, 1);
            },
            (_, previous) =>
            {
                if (now - previous.WindowStart >= TimeSpan.FromHours(1))
                {
                    taken = true;
                    return new ResetMails(now, 1);
                }

                taken = previous.Count < ResetMailsPerHour;
                return taken ? previous with { Count = previous.Count + 1 } : previous;
            });
        if (_resetMails.Count > SweepAbove)
        {
            foreach (var (key, mails) in _resetMails.Where(e => now - e.Value.WindowStart >= TimeSpan.FromHours(1)).ToList())
            {
                _resetMails.TryRemove(new KeyValuePair<string, ResetMails>(key, mails));
            }
        }

        return taken;
    }

    private Failures Next(int previousCount, DateTimeOffset now)
    {
        var count = previousCount + 1;
        var over = count - FreeFailures;
        if (over < 0)
        {
            return new Failures(count, now, now);
        }

        // FirstDelay · 2^over, capped; the exponent is capped too so the arithmetic never overflows.
        var factor = Math.Pow(2, Math.Min(over, 30));
        var delay = TimeSpan.FromTicks((long)Math.Min(FirstDelay.Ticks * factor, MaxDelay.Ticks));
        return new Failures(count, now, now + delay);
    }

    private void Sweep(DateTimeOffset now)
    {
        if (_failures.Count <= SweepAbove)
        {
            return;
        }

        foreach (var (key, failures) in _failures.Where(e => e.Value.BlockedUntil <= now && now - e.Value.LastFailure > FailureWindow).ToList())
        {
            _failures.TryRemove(new KeyValuePair<string, Failures>(key, failures));
        }
    }

    private sealed record Failures(int Count, DateTimeOffset LastFailure, DateTimeOffset BlockedUntil);

    private sealed record ResetMails(DateTimeOffset WindowStart, int Count);
}
