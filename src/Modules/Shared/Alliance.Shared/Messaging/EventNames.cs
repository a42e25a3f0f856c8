using System.Collections.Concurrent;
using System.Reflection;
using Alliance.Shared.Contracts;

namespace Alliance.Shared.Messaging;

/// <summary>The stable name of an integration event type, from its <see cref="EventNameAttribute"/>.</summary>
public static class EventNames
{
    private static readonly ConcurrentDictionary<Type, string> Cache = new();

    /// <summary>The name rows are stored under. An event type without <see cref="EventNameAttribute"/> cannot be published.</summary>
    public static string Of(Type eventType) => Cache.GetOrAdd(eventType, type =>
        type.GetCustomAttribute<EventNameAttribute>()?.Name
        ?? throw new InvalidOperationException($"{type.FullName} has no [EventName(\"module.event-name\")]; integration events are stored under a stable name."));

    /// <summary>What rows written before event names existed hold: the CLR type and assembly name.</summary>
    public static string LegacyNameOf(Type eventType) => $"{eventType.FullName}, {eventType.Assembly.GetName().Name}";
}

/// <summary>
/// Maps stored event names back to types: every integration event of the loaded modules' assemblies and of the
/// Contracts assemblies they reference (built by <see cref="Modules.ModuleCatalog"/> as modules join).
/// </summary>
public sealed class EventTypeRegistry
{
    private readonly Dictionary<string, Type> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Type> _byLegacyName = new(StringComparer.Ordinal);

    /// <summary>Every known event type by its stable name.</summary>
    public IReadOnlyDictionary<string, Type> ByName => _byName;

    internal void AddFrom(Assembly assembly)
    {
        foreach (var type in LoadableTypes(assembly).Where(IsEvent))
        {
            var name = type.GetCustomAttribute<EventNameAttribute>()?.Name;
            if (name is not null)
            {
                if (_byName.TryGetValue(name, out var other) && other != type)
                {
                    throw new InvalidOperationException($"The event name '{name}' is used by {other.FullName} and {type.FullName}.");
                }

                _byName[name] = type;
            }

            _byLegacyName[EventNames.LegacyNameOf(type)] = type;
        }
    }

    /// <summary>
    /// The type stored under <paramref name="storedName"/>: a stable name, or (rows from before the names) a CLR
    /// name of a known event. Null for anything else: such a row can never be delivered.
    /// </summary>
    public Type? Resolve(string storedName) =>
        _byName.GetValueOrDefault(storedName) ?? _byLegacyName.GetValueOrDefault(storedName);

    private static bool IsEvent(Type type) =>
        type is { IsClass: true, IsAbstract: false } && typeof(IntegrationEvent).IsAssignableFrom(type);

    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException exception)
        {
            return exception.Types.OfType<Type>();
        }
    }
}
