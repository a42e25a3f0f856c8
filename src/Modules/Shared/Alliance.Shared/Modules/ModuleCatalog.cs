using System.Reflection;
using Alliance.Shared.Contracts;
using Alliance.Shared.Messaging;

namespace Alliance.Shared.Modules;

/// <summary>
/// Knows which module owns which assembly, request and DbContext. Pipeline behaviours use it to work on the
/// module that handles a request; the outbox dispatcher uses it to run each subscriber inside its own module.
/// </summary>
public sealed class ModuleCatalog
{
    private readonly Dictionary<Assembly, ModuleDescriptor> _byAssembly = [];
    private readonly Dictionary<Type, ModuleDescriptor> _byRequest = [];
    private readonly Dictionary<Type, List<Type>> _handlersByEvent = [];

    public IReadOnlyCollection<ModuleDescriptor> Modules => _byAssembly.Values;

    /// <summary>Every integration event the modules publish or share, by its stable name.</summary>
    public EventTypeRegistry Events { get; } = new();

    public ModuleDescriptor Add(string name, Type dbContextType, Assembly assembly)
    {
        var descriptor = new ModuleDescriptor(name, dbContextType, assembly);
        _byAssembly[assembly] = descriptor;
        // A module's events live in its Contracts (or, for a test module, in itself); the kernel's in Shared.Contracts.
        Events.AddFrom(assembly);
        Events.AddFrom(typeof(IntegrationEvent).Assembly);
        foreach (var reference in assembly.GetReferencedAssemblies().Where(IsContracts))
        {
            Events.AddFrom(Assembly.Load(reference));
        }

        return descriptor;
    }

    private static bool IsContracts(AssemblyName name) =>
        name.Name is { } n && n.StartsWith("Alliance.", StringComparison.Ordinal) && n.EndsWith(".Contracts", StringComparison.Ordinal);

    internal void AddRequest(Type requestType, Assembly handlerAssembly)
    {
        if (_byAssembly.TryGetValue(handlerAssembly, out var module))
        {
            _byRequest[requestType] = module;
        }
    }

    internal void AddEventHandler(Type eventType, Type handlerType)
    {
        if (!_handlersByEvent.TryGetValue(eventType, out var handlers))
        {
            _handlersByEvent[eventType] = handlers = [];
        }

        if (!handlers.Contains(handlerType))
        {
            handlers.Add(handlerType);
        }
    }

    public ModuleDescriptor? ModuleOfRequest(Type requestType) => _byRequest.GetValueOrDefault(requestType);

    /// <summary>
    /// Whether some module answers this request. A page asks before showing a section that depends on a module
    /// that may not be installed (the section is then absent, not a placeholder).
    /// </summary>
    public bool Handles(Type requestType) => _byRequest.ContainsKey(requestType);

    public ModuleDescriptor? ModuleOfAssembly(Assembly assembly) => _byAssembly.GetValueOrDefault(assembly);

    public ModuleDescriptor Get(string name) =>
        _byAssembly.Values.FirstOrDefault(m => m.Name == name)
        ?? throw new InvalidOperationException($"No module named '{name}'.");

    public IReadOnlyList<Type> HandlersOf(Type eventType) =>
        _handlersByEvent.TryGetValue(eventType, out var handlers) ? handlers : [];

    public IEnumerable<Type> EventTypes => _handlersByEvent.Keys;
}

public sealed record ModuleDescriptor(string Name, Type DbContextType, Assembly Assembly);
