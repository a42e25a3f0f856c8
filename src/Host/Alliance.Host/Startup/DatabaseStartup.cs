using System.Diagnostics;
using Alliance.Shared.Mail;
using Alliance.Shared.Messaging;
using Alliance.Shared.Modules;
using Alliance.Shared.Persistence;
using Alliance.Shared.Security;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Alliance.Host.Startup;

/// <summary>
/// Applies every module's migrations (each in its own schema and history table), seeds demo data, registers jobs.
/// On a database that is up to date each step only checks (a history table read, one <c>EXISTS</c> per module's
/// seeder, Hangfire's unchanged recurring jobs), and logs how long each took.
/// </summary>
internal static class DatabaseStartup
{
    public static async Task PrepareAsync(IServiceProvider services, IConfiguration configuration, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseStartup));
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var modules = provider.GetServices<IModule>().ToList();

        // The first use of each DbContext builds its EF Core model (about a second each on a busy machine): started
        // here in the background, so the models are built while the steps below wait for the database.
        var models = Task.WhenAll(modules.Select(m => m.DbContextType).Prepend(typeof(MailDbContext)).Distinct()
            .Select(type => Task.Run(() => BuildModel(services, type), cancellationToken)));

        if (configuration.GetValue("Database:Migrate", true))
        {
            var mail = provider.GetRequiredService<MailDbContext>().Database;
            // A database that does not exist yet is created first: EF Core's migrator finds that out through a
            // failed connection it logs as an error, a "fail:" line on every first start. The creator's own check
            // expects that failure and keeps quiet.
            var creator = mail.GetService<IRelationalDatabaseCreator>();
            if (!await creator.ExistsAsync(cancellationToken))
            {
                await creator.CreateAsync(cancellationToken);
            }

            await mail.MigrateIfPendingAsync(cancellationToken);
            foreach (var module in modules)
            {
                await module.MigrateAsync(provider, cancellationToken);
            }
        }

        await models;
        var migrated = clock.Elapsed;

        if (configuration.GetValue("Demo:Seed", false))
        {
            // The seeder fills the alliance through the modules' own use cases, as the office would.
            using var office = SystemActor.Begin();
            foreach (var module in modules)
            {
                await module.SeedDemoDataAsync(provider, cancellationToken);
            }
        }

        var seeded = clock.Elapsed;
        // Never waits on a Hangfire lock a killed process left behind: registration retries in the background.
        await RecurringJobsStartup.RegisterAsync(services, cancellationToken);

        // Whatever a crash left undelivered (committed events whose signal was lost, queued mails) goes out now,
        // not at the next minute sweep.
        var background = provider.GetRequiredService<IBackgroundJobClient>();
        background.Enqueue<OutboxDispatcher>(dispatcher => dispatcher.DispatchAllAsync(CancellationToken.None));
        background.Enqueue<EmailSender>(sender => sender.SendDueAsync(CancellationToken.None));
        using var process = Process.GetCurrentProcess();
        // A measurement against the operating system's process start (local wall-clock time), not the alliance's time.
#pragma warning disable RS0030
        var sinceStart = (long)(DateTime.Now - process.StartTime).TotalMilliseconds;
#pragma warning restore RS0030
        logger.LogInformation("Database prepared in {Total} ms ({SinceStart} ms after the process started): migrations {Migrations} ms, demo data {Seed} ms, recurring jobs {Jobs} ms",
            clock.ElapsedMilliseconds, sinceStart, (long)migrated.TotalMilliseconds, (long)(seeded - migrated).TotalMilliseconds,
            (long)(clock.Elapsed - seeded).TotalMilliseconds);
    }

    private static void BuildModel(IServiceProvider services, Type contextType)
    {
        using var scope = services.CreateScope();
        _ = ((DbContext)scope.ServiceProvider.GetRequiredService(contextType)).Model;
    }
}
