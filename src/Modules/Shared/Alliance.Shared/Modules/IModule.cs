using System.Reflection;
using Alliance.Shared.Persistence;
using Hangfire;
using MediatR;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Alliance.Shared.Modules;

/// <summary>
/// What a module tells the host about itself. The host lists its modules in one place
/// (<c>AllianceModules</c>); each module registers its own services, handlers, endpoints, pages,
/// recurring jobs, migrations and demo data.
/// </summary>
public interface IModule
{
    /// <summary>Lower-case name; also the database schema and the API prefix (<c>/api/{name}</c>).</summary>
    string Name { get; }

    /// <summary>The module's DbContext: its unit of work, outbox and inbox.</summary>
    Type DbContextType { get; }

    Assembly Assembly => GetType().Assembly;

    void AddServices(IServiceCollection services, IConfiguration configuration);

    void MapEndpoints(IEndpointRouteBuilder endpoints) { }

    IReadOnlyList<NavigationItem> Navigation => [];

    IReadOnlyList<DashboardCard> DashboardCards => [];

    /// <summary>
    /// Components shown in the header next to the signed-in user's name (the notification bell); each renders
    /// itself for the current user.
    /// </summary>
    IReadOnlyList<Type> HeaderItems => [];

    /// <summary>Every recurring job of the module, with cron and time zone, in this one place.</summary>
    void AddRecurringJobs(IRecurringJobManager jobs) { }

    /// <summary>
    /// Brings the module's schema up to date at start. Modules keep EF Core migrations (their own history table in
    /// their own schema); this is the one place that applies them (<see cref="DatabaseMigrations.MigrateIfPendingAsync"/>:
    /// an up-to-date schema costs one read of the history table).
    /// </summary>
    Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        ((DbContext)services.GetRequiredService(DbContextType)).Database.MigrateIfPendingAsync(cancellationToken);

    /// <summary>Fills an empty database with the demo alliance. Called in module order, after migrations.</summary>
    Task SeedDemoDataAsync(IServiceProvider services, CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>A link in the main navigation. <paramref name="TextKey"/> is looked up in <paramref name="ResourceType"/>.</summary>
public sealed record NavigationItem(string Href, string TextKey, Type ResourceType, int Order, params string[] Roles);

/// <summary>A card on the dashboard; the component renders itself and decides what the user may see.</summary>
public sealed record DashboardCard(Type ComponentType, int Order, params string[] Roles)
{
    /// <summary>
    /// Set on a card that says "what needs me now" (made by <see cref="NeedingAttention{TData}"/>): loads, once per
    /// request and as the signed-in user, what the card shows. The dashboard passes it to the card as its
    /// <c>Data</c> parameter, leaves the card out when it has nothing, and says once that nothing needs the user now
    /// when none of them has anything. Null: an overview card that loads its own data and is always shown.
    /// </summary>
    public Func<IMediator, CancellationToken, Task<DashboardCardData>>? Load { get; private init; }

    /// <summary>
    /// A "what needs me now" card: <paramref name="load"/> sends the card's one query, <paramref name="hasSomething"/>
    /// decides from its answer whether the card shows. The component (<paramref name="componentType"/>) takes the
    /// answer as <c>[Parameter] public object Data</c> (a <typeparamref name="TData"/>) and sends no query of its own, so
    /// the dashboard asks each query once.
    /// </summary>
    public static DashboardCard NeedingAttention<TData>(Type componentType, int order,
        Func<IMediator, CancellationToken, Task<TData>> load, Func<TData, bool> hasSomething, params string[] roles)
        where TData : notnull =>
        new(componentType, order, roles)
        {
            Load = async (mediator, cancellationToken) =>
            {
                var data = await load(mediator, cancellationToken);
                return new DashboardCardData(data, hasSomething(data));
            },
        };
}

/// <summary>What a "what needs me now" card loaded, and whether that is anything for the user.</summary>
/// <param name="Data">Passed to the card component as its <c>Data</c> parameter.</param>
/// <param name="HasSomething">False: the dashboard leaves the card out.</param>
public sealed record DashboardCardData(object Data, bool HasSomething);
