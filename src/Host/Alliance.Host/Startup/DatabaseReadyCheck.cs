using Alliance.Shared.Mail;
using Alliance.Shared.Modules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Alliance.Host.Startup;

/// <summary>Ready means: the database answers and no module has a migration left to apply.</summary>
internal sealed class DatabaseReadyCheck(IServiceProvider services) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var contexts = scope.ServiceProvider.GetServices<IModule>().Select(m => (DbContext)scope.ServiceProvider.GetRequiredService(m.DbContextType))
            .Prepend(scope.ServiceProvider.GetRequiredService<MailDbContext>());
        try
        {
            foreach (var db in contexts)
            {
                if (!await db.Database.CanConnectAsync(cancellationToken))
                {
                    return HealthCheckResult.Unhealthy("The database cannot be reached.");
                }

                var pending = await db.Database.GetPendingMigrationsAsync(cancellationToken);
                if (pending.Any())
                {
                    return HealthCheckResult.Unhealthy($"{db.GetType().Name} has pending migrations.");
                }
            }
        }
        catch (Exception exception)
        {
            return HealthCheckResult.Unhealthy("The database check failed.", exception);
        }

        return HealthCheckResult.Healthy();
    }
}
