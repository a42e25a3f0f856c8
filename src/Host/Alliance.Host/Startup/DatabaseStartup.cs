using Alliance.Shared.Jobs;
using Alliance.Shared.Mail;
using Alliance.Shared.Messaging;
using Alliance.Shared.Modules;
using Alliance.Shared.Security;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Host.Startup;

/// <summary>Applies every module's migrations (each in its own schema and history table), seeds demo data, registers jobs.</summary>
internal static class DatabaseStartup
{
    public static async Task PrepareAsync(IServiceProvider services, IConfiguration configuration, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var modules = provider.GetServices<IModule>().ToList();

        if (configuration.GetValue("Database:Migrate", true))
        {
            await provider.GetRequiredService<MailDbContext>().Database.MigrateAsync(cancellationToken);
            foreach (var module in modules)
            {
                await module.MigrateAsync(provider, cancellationToken);
            }
        }

        if (configuration.GetValue("Demo:Seed", false))
        {
            // The seeder fills the alliance through the modules' own use cases, as the office would.
            using var office = SystemActor.Begin();
            foreach (var module in modules)
            {
                await module.SeedDemoDataAsync(provider, cancellationToken);
            }
        }

        var jobs = provider.GetRequiredService<IRecurringJobManager>();
        KernelJobs.AddRecurringJobs(jobs);
        foreach (var module in modules)
        {
            module.AddRecurringJobs(jobs);
        }

        // Whatever a crash left undelivered (committed events whose signal was lost, queued mails) goes out now,
        // not at the next minute sweep.
        var background = provider.GetRequiredService<IBackgroundJobClient>();
        background.Enqueue<OutboxDispatcher>(dispatcher => dispatcher.DispatchAllAsync(CancellationToken.None));
        background.Enqueue<EmailSender>(sender => sender.SendDueAsync(CancellationToken.None));
    }
}
