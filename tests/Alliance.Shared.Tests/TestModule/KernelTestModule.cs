using Alliance.Shared.Modules;
using Alliance.Shared.Persistence;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Alliance.Shared.Tests.TestModule;

/// <summary>
/// A module that exists only in these tests: it publishes events through its own outbox and subscribes to them,
/// so the kernel's messaging can be tested without depending on what the real modules happen to publish.
/// Its schema is created by plain SQL DDL at host start (its <see cref="MigrateAsync"/>), never EnsureCreated.
/// </summary>
internal sealed class KernelTestModule : IModule
{
    public string Name => KernelTestDbContext.Schema;

    public Type DbContextType => typeof(KernelTestDbContext);

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<KernelTestDbContext>(configuration, KernelTestDbContext.Schema);
        services.AddSingleton<FlakySubscriberState>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => WidgetEndpoints.Map(endpoints);

    public Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<KernelTestDbContext>().Database.ExecuteSqlRawAsync(KernelTestDbContext.Ddl, cancellationToken);
}
