using System.Text.Json;
using Alliance.Shared.Contracts;

namespace Alliance.Shared.Messaging;

internal static class IntegrationEventSerializer
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Serialize(IntegrationEvent integrationEvent) =>
        JsonSerializer.Serialize(integrationEvent, integrationEvent.GetType(), Options);

    /// <summary>
    /// Reads a stored row back. An unknown name or a payload that does not read as that event throws
    /// <see cref="UnreadableMessageException"/>: retrying cannot help, the row fails at once.
    /// </summary>
    public static IntegrationEvent Deserialize(EventTypeRegistry registry, string storedName, string payload)
    {
        var type = registry.Resolve(storedName)
            ?? throw new UnreadableMessageException($"No loaded module knows the event '{storedName}'.");
        try
        {
            return (IntegrationEvent?)JsonSerializer.Deserialize(payload, type, Options)
                ?? throw new UnreadableMessageException($"The payload of '{storedName}' is empty.");
        }
        catch (JsonException exception)
        {
            throw new UnreadableMessageException($"The payload of '{storedName}' cannot be read: {exception.Message}");
        }
    }
}

/// <summary>A stored message that can never be delivered as it is (unknown name, unreadable payload).</summary>
internal sealed class UnreadableMessageException(string message) : Exception(message);
