using System.Collections.Concurrent;
using Alliance.Shared.Mail;
using Alliance.Shared.Modules;
using Alliance.Shared.Tests.TestModule;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace Alliance.Shared.Tests;

/// <summary>The real host plus the test-only module, a clock the test can move, and the host's warnings and errors.</summary>
public class KernelTestApp : AllianceApp
{
    public AdjustableClock Clock { get; } = new();

    public LogCapture Logs { get; } = new();

    protected override void ConfigureTestServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddAllianceModule(configuration, new KernelTestModule());
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton<ILoggerProvider>(Logs);
    }

    internal Task<T> WithTestDbAsync<T>(Func<KernelTestDbContext, Task<T>> action) =>
        WithScopeAsync(sp => action(sp.GetRequiredService<KernelTestDbContext>()));

    internal Task<List<Effect>> EffectsOfAsync(Guid eventId) =>
        WithTestDbAsync(db => db.Effects.AsNoTracking().Where(e => e.EventId == eventId).ToListAsync());
}

/// <summary>No Hangfire server: nothing dispatches or sends unless the test calls the dispatcher or sender itself.</summary>
public sealed class ManualDispatchApp : KernelTestApp
{
    public const int MailMaxAttempts = 3;

    public FailingEmailTransport FailingTransport { get; } = new();

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Jobs:RunServer"] = "false",
        ["Mail:MaxAttempts"] = MailMaxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    protected override void ConfigureTestServices(IServiceCollection services, IConfiguration configuration)
    {
        base.ConfigureTestServices(services, configuration);
        services.AddSingleton<IEmailTransport>(FailingTransport);
    }
}

/// <summary>System time plus an offset the test moves forward (to make retries due without waiting).</summary>
public sealed class AdjustableClock : TimeProvider
{
    private long _offsetTicks;

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));
}

/// <summary>An SMTP server that is always down.</summary>
public sealed class FailingEmailTransport : IEmailTransport
{
    private int _calls;

    public int Calls => _calls;

    public Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        throw new IOException("SMTP server unreachable (test transport).");
    }
}

/// <summary>Keeps what the host logs (at the configured level: warnings and errors) for assertions.</summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<(string Category, LogLevel Level, string Message)> _entries = new();

    public IReadOnlyCollection<(string Category, LogLevel Level, string Message)> Entries => _entries;

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<(string, LogLevel, string)> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                entries.Enqueue((category, logLevel, formatter(state, exception)));
            }
        }
    }
}
