using System.Text.Json;
using Alliance.Shared.Contracts;

namespace Alliance.Shared.Messaging;

internal static class IntegrationEventSerializer
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string TypeName(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";

    public static string Serialize(IntegrationEvent integrationEvent) =>
        JsonSerializer.Serialize(integrationEvent, integrationEvent.GetType(), Options);

    /// <summary>Only integration events may come back out of a row; anything else is a corrupt message.</summary>
    public static IntegrationEvent Deserialize(string typeName, string payload)
    {
        var type = Type.GetType(typeName, throwOnError: true)!;
        if (!typeof(IntegrationEvent).IsAssignableFrom(type))
        {
            throw new InvalidOperationException($"'{typeName}' is not an integration event.");
        }

        return (IntegrationEvent)JsonSerializer.Deserialize(payload, type, Options)!;
    }
}
