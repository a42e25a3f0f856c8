using System.Reflection;
using System.Text.RegularExpressions;
using Alliance.Shared.Contracts;
using Alliance.Shared.Mail;
using Alliance.Shared.Mediator;
using Alliance.Shared.Modules;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Alliance.Architecture.Tests;

/// <summary>Integration events: stable, unique names, and someone listening to each.</summary>
public sealed partial class EventContractTests(ITestOutputHelper output)
{
    private static IReadOnlyList<Type> Events =>
        ModuleCatalogue.ContractAssemblies
            .SelectMany(a => a.GetTypes())
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IntegrationEvent).IsAssignableFrom(t))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .ToList();

    /// <summary>The catalog as the host builds it: the kernel's mail queue plus every listed module.</summary>
    private static ModuleCatalog Catalog()
    {
        var catalog = new ModuleCatalog();
        var services = new ServiceCollection();
        catalog.Add(MailDbContext.Schema, typeof(MailDbContext), ModuleCatalogue.Kernel);
        services.AddHandlersFrom(ModuleCatalogue.Kernel, catalog);
        foreach (var module in ModuleCatalogue.Modules)
        {
            catalog.Add(module.Name, module.DbContextType, module.Assembly);
            services.AddHandlersFrom(module.Assembly, catalog);
        }

        return catalog;
    }

    [GeneratedRegex("^[a-z]+\\.[a-z]+(-[a-z]+)*$")]
    private static partial Regex NameShape();

    [Fact]
    public void Every_integration_event_has_a_stable_unique_name_of_its_module()
    {
        Assert.NotEmpty(Events);
        var missing = Events.Where(t => t.GetCustomAttribute<EventNameAttribute>() is null).Select(t => t.FullName).ToList();
        Assert.True(missing.Count == 0, "Integration events without [EventName(\"module.event-name\")]: " + string.Join(", ", missing));

        var names = Events.Select(t => (Type: t, Name: t.GetCustomAttribute<EventNameAttribute>()!.Name)).ToList();
        Assert.All(names, n => Assert.Matches(NameShape(), n.Name));
        var duplicates = names.GroupBy(n => n.Name).Where(g => g.Count() > 1).Select(g => $"{g.Key}: {string.Join(", ", g.Select(n => n.Type.Name))}").ToList();
        Assert.True(duplicates.Count == 0, "Event names used twice: " + string.Join("; ", duplicates));

        // The prefix names the publishing module (or "mail" for the kernel's mail request).
        var modules = ModuleCatalogue.Modules.Select(m => m.Name).Append(MailDbContext.Schema).ToHashSet();
        Assert.All(names, n => Assert.Contains(n.Name.Split('.')[0], modules));

        // The host resolves every one of them by name.
        var catalog = Catalog();
        Assert.All(names, n => Assert.Equal(n.Type, catalog.Events.Resolve(n.Name)));
    }

    [Fact]
    public void Every_integration_event_has_a_subscriber()
    {
        var catalog = Catalog();
        var table = Events.Select(t => (Name: t.GetCustomAttribute<EventNameAttribute>()?.Name ?? t.FullName!, Subscribers: catalog.HandlersOf(t)))
            .ToList();
        foreach (var (name, subscribers) in table)
        {
            output.WriteLine($"{name,-36} {(subscribers.Count == 0 ? "— none —" : string.Join(", ", subscribers.Select(s => s.FullName)))}");
        }

        var unheard = table.Where(e => e.Subscribers.Count == 0).Select(e => e.Name).ToList();
        Assert.True(unheard.Count == 0, "Events nobody subscribes to (give them a subscriber or remove them): " + string.Join(", ", unheard));
    }
}
