using Alliance.Shared.Jobs;
using Alliance.Shared.Mail;
using Alliance.Shared.Modules;
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

        if (configuration.GetValue("Database:Migrate", true))
        {
            await provider.GetRequiredService<MailDbContext>().Database.MigrateAsync(cancellationToken);
            foreach (var module in AllianceModules.All)
            {
                var db = (DbContext)provider.GetRequiredService(module.DbContextType);
                await db.Database.MigrateAsync(cancellationToken);
            }
        }

        if (configuration.GetValue("Demo:Seed", false))
        {
            foreach (var module in AllianceModules.All)
            {
                await module.SeedDemoDataAsync(provider, cancellationToken);
            }
        }

        var jobs = provider.GetRequiredService<IRecurringJobManager>();
        KernelJobs.AddRecurringJobs(jobs);
        foreach (var module in AllianceModules.All)
        {
            module.AddRecurringJobs(jobs);
        }
    }
}
