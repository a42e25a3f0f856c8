using System.Collections;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Alliance.Shared.Input;

/// <summary>
/// The one place JSON bodies are held to the input rules, before any use case sees them: no refused characters in
/// any string (<see cref="InputText"/>), dates only in the alliance's range, every constructor parameter of an
/// Alliance request that is neither optional nor nullable (ids excepted: routes supply them) present and not null, no null element and at most
/// <see cref="RequestLimits.MaxItems"/> elements in any collection (a <c>byte[]</c> is a base64 string, not a list). A breach is a <see cref="RefusedInputException"/>
/// that the problem mapper turns into a 400 with a field error.
/// </summary>
public static class JsonInputRules
{
    /// <summary>Adds the rules to the options the API reads request bodies with.</summary>
    public static void Apply(JsonSerializerOptions options)
    {
        options.MaxDepth = RequestLimits.MaxJsonDepth;
        options.Converters.Add(new CleanStringConverter());
        options.Converters.Add(new RangeCheckedConverter<DateOnly>(JsonMetadataServices.DateOnlyConverter, RequestLimits.InRange));
        options.Converters.Add(new RangeCheckedConverter<DateTimeOffset>(JsonMetadataServices.DateTimeOffsetConverter, RequestLimits.InRange));
        options.Converters.Add(new RangeCheckedConverter<DateTime>(JsonMetadataServices.DateTimeConverter, RequestLimits.InRange));
        options.TypeInfoResolver = (options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(RequireAndCheck);
    }

    private static void RequireAndCheck(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object || info.Type.Namespace?.StartsWith("Alliance", StringComparison.Ordinal) != true)
        {
            return;
        }

        var notNull = new List<(string Name, Func<object, object?> Get)>();
        var collections = new List<(string Name, Func<object, object?> Get, bool ElementsMayBeNull)>();
        foreach (var property in info.Properties)
        {
            if (property.Get is not { } get)
            {
                continue;
            }

            // Positional records: a parameter without a default is part of the request; a missing value type would
            // silently become 0 / 0001-01-01 and a missing reference a null the handler never expects.
            if (property.AssociatedParameter is { HasDefaultValue: false } parameter)
            {
                var type = property.PropertyType;
                // Ids are left out: endpoints fill them from the route ("command with { LabId = labId }"), and a
                // missing id is Guid.Empty, which no use case finds (404), so it can do no harm.
                if (type != typeof(Guid) && (type.IsValueType ? Nullable.GetUnderlyingType(type) is null : !parameter.IsNullable))
                {
                    property.IsRequired = true;
                }

                if (!type.IsValueType && !parameter.IsNullable)
                {
                    notNull.Add((property.Name, get));
                }
            }

            // A byte[] comes as one base64 string (a file), not as a list: its size is the body limit's and the use case's.
            if (property.PropertyType != typeof(string) && property.PropertyType != typeof(byte[]) && typeof(IEnumerable).IsAssignableFrom(property.PropertyType))
            {
                var element = ElementType(property.PropertyType);
                collections.Add((property.Name, get, element is null || (element.IsValueType && Nullable.GetUnderlyingType(element) is not null)));
            }
        }

        if (notNull.Count == 0 && collections.Count == 0)
        {
            return;
        }

        var previous = info.OnDeserialized;
        info.OnDeserialized = value =>
        {
            previous?.Invoke(value);
            foreach (var (name, get) in notNull)
            {
                if (get(value) is null)
                {
                    throw new RefusedInputException(name, RefusedInputException.Required);
                }
            }

            foreach (var (name, get, elementsMayBeNull) in collections)
            {
                if (get(value) is not IEnumerable items || items is IDictionary)
                {
                    continue;
                }

                var count = 0;
                foreach (var item in items)
                {
                    if (++count > RequestLimits.MaxItems)
                    {
                        throw new RefusedInputException(name, RefusedInputException.TooManyItems);
                    }

                    if (item is null && !elementsMayBeNull)
                    {
                        throw new RefusedInputException(name, RefusedInputException.NullElement);
                    }
                }
            }
        };
    }

    private static Type? ElementType(Type collection)
    {
        if (collection.IsArray)
        {
            return collection.GetElementType();
        }

        var enumerable = collection.IsGenericType && collection.GetGenericTypeDefinition() == typeof(IEnumerable<>)
            ? collection
            : collection.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        return enumerable?.GetGenericArguments()[0];
    }

    private sealed class CleanStringConverter : JsonConverter<string>
    {
        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                throw new RefusedInputException(null, RefusedInputException.InvalidValue);
            }

            string value;
            try
            {
                value = reader.GetString()!;
            }
            catch (InvalidOperationException)
            {
                // An escaped lone surrogate ("\ud800") cannot even become a string.
                throw new RefusedInputException(null, RefusedInputException.RefusedCharacters);
            }

            return InputText.IsClean(value) ? value : throw new RefusedInputException(null, RefusedInputException.RefusedCharacters);
        }

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }

    private sealed class RangeCheckedConverter<T>(JsonConverter<T> inner, Func<T, bool> inRange) : JsonConverter<T>
        where T : struct
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var value = inner.Read(ref reader, typeToConvert, options);
            return inRange(value) ? value : throw new RefusedInputException(null, RefusedInputException.DateOutOfRange);
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => inner.Write(writer, value, options);
    }
}

/// <summary>
/// A value in a request body breaks an input rule. <see cref="JsonException.Path"/> (filled by the serializer) or
/// <see cref="Field"/> names the field; <see cref="MessageKey"/> is the SharedText key of the message.
/// </summary>
public sealed class RefusedInputException(string? field, string messageKey) : JsonException(messageKey)
{
    /// <summary>A required value is missing or null.</summary>
    public const string Required = "Input_Required";

    /// <summary>The value has NUL, a non-character or a lone surrogate.</summary>
    public const string RefusedCharacters = "Input_RefusedCharacters";

    /// <summary>A date outside the alliance's range.</summary>
    public const string DateOutOfRange = "Input_DateOutOfRange";

    /// <summary>A collection with more elements than allowed.</summary>
    public const string TooManyItems = "Input_TooManyItems";

    /// <summary>A collection with an empty (null) element.</summary>
    public const string NullElement = "Input_NullElement";

    /// <summary>A value of the wrong kind.</summary>
    public const string InvalidValue = "Problem_InvalidValue";

    /// <summary>The property the rule is about when the serializer's path does not name it (a whole object's check).</summary>
    public string? Field { get; } = field;

    /// <summary>The SharedText key of the message shown for the field.</summary>
    public string MessageKey { get; } = messageKey;
}
