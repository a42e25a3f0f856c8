using Alliance.Shared.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Alliance.Shared.Persistence;

public static class ModuleDbContextRegistration
{
    public const string ConnectionStringName = "Alliance";

    public static string GetAllianceConnectionString(this IConfiguration configuration) =>
        configuration.GetConnectionString(ConnectionStringName)
        ?? throw new InvalidOperationException(
            $"Connection string '{ConnectionStringName}' is missing. Set ConnectionStrings__{ConnectionStringName} or start with build/run.sh.");

    /// <summary>
    /// Registers a module's DbContext on the shared database, with its migrations history in its own schema
    /// and the outbox interceptor that wakes the dispatcher after commit.
    /// </summary>
    public static IServiceCollection AddModuleDbContext<TContext>(this IServiceCollection services, IConfiguration configuration, string schema)
        where TContext : DbContext
    {
        services.AddDbContext<TContext>((sp, options) => options
            .UseNpgsql(configuration.GetAllianceConnectionString(), npgsql => npgsql
                .MigrationsHistoryTable("__EFMigrationsHistory", schema)
                .MigrationsAssembly(typeof(TContext).Assembly.GetName().Name))
            .AddInterceptors(sp.GetRequiredService<OutboxInterceptor>()));
        return services;
    }
}
