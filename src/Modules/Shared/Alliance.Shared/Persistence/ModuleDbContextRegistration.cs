using Alliance.Shared.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Alliance.Shared.Persistence;

public static class ModuleDbContextRegistration
{
    public const string ConnectionStringName = "Alliance";

    /// <summary>
    /// The planner's cost of a random page read for the alliance's sessions: 1.1, the usual value for SSD storage, where
    /// PostgreSQL's default (4, for spinning disks) makes it scan whole small tables instead of using their indexes —
    /// measured on the large alliance: lab members joined all 5,000 organisation copies and the organisation search
    /// skipped its trigram indexes (12 ms instead of 0.7 ms). A connection string that sets its own Options keeps them.
    /// </summary>
    public const string PlannerOptions = "-c random_page_cost=1.1";

    /// <summary>The alliance's connection string, with <see cref="PlannerOptions"/> unless it sets Options itself.</summary>
    public static string GetAllianceConnectionString(this IConfiguration configuration)
    {
        var configured = configuration.GetConnectionString(ConnectionStringName)
            ?? throw new InvalidOperationException(
                $"Connection string '{ConnectionStringName}' is missing. Set ConnectionStrings__{ConnectionStringName} or start with build/run.sh.");
        var builder = new NpgsqlConnectionStringBuilder(configured);
        if (string.IsNullOrEmpty(builder.Options))
        {
            builder.Options = PlannerOptions;
        }

        return builder.ConnectionString;
    }

    /// <summary>
    /// Registers a module's DbContext on the shared database, with its migrations history in its own schema
    /// and the outbox interceptor that wakes the dispatcher after commit. Contexts are pooled (still one per DI scope):
    /// the options are built once and a request reuses a reset context instead of constructing one and resolving its
    /// services — measured on the large alliance, creating contexts was a fixed cost of every request. A module's
    /// DbContext therefore takes only its options in its constructor and keeps no state of its own in fields.
    /// </summary>
    public static IServiceCollection AddModuleDbContext<TContext>(this IServiceCollection services, IConfiguration configuration, string schema)
        where TContext : DbContext
    {
        services.AddDbContextPool<TContext>((sp, options) => options
            .UseNpgsql(configuration.GetAllianceConnectionString(), npgsql => npgsql
                .MigrationsHistoryTable("__EFMigrationsHistory", schema)
                .MigrationsAssembly(typeof(TContext).Assembly.GetName().Name))
            .AddInterceptors(sp.GetRequiredService<OutboxInterceptor>()));
        return services;
    }
}
