using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Alliance.Host.Tests;

/// <summary>
/// The very first start, on a database that does not exist yet (a new installation): the host creates and migrates
/// it and logs no error on the way (an operator reading "fail:" in the first log would rightly worry).
/// </summary>
public sealed class FreshStartTests
{
    [Fact]
    public async Task The_first_start_on_a_database_that_does_not_exist_yet_logs_no_error()
    {
        var connectionString = await TestDatabase.CreateDatabaseAsync();
        await TestDatabase.DropDatabaseAsync(connectionString);
        var log = new ErrorLog();
        try
        {
            await using (var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
            {
                host.UseEnvironment("Testing");
                host.UseSetting("ConnectionStrings:Alliance", connectionString);
                host.UseSetting("Demo:Seed", "false");
                host.UseSetting("Jobs:RunServer", "false");
                host.UseSetting("Mail:PickupDirectory", Path.Combine(Path.GetTempPath(), "alliance-mail-fresh-start"));
                host.UseUrls("http://127.0.0.1:0");
                host.ConfigureLogging(logging => logging.AddProvider(log));
            }))
            {
                factory.UseKestrel(0);
                factory.StartServer();
                var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
                using var client = new HttpClient { BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal)) };
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
            }

            Assert.True(log.Errors.IsEmpty, string.Join("\n", log.Errors));
        }
        finally
        {
            await TestDatabase.DropDatabaseAsync(connectionString);
        }
    }

    /// <summary>Keeps every entry logged at Error or above.</summary>
    private sealed class ErrorLog : ILoggerProvider
    {
        public ConcurrentQueue<string> Errors { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, Errors);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<string> errors) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                {
                    errors.Enqueue($"{logLevel} {category}: {formatter(state, exception)}");
                }
            }
        }
    }
}
