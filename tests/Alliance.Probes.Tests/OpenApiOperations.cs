using System.Text.Json.Nodes;

namespace Alliance.Probes.Tests;

/// <summary>One operation of the API as /openapi/v1.json describes it.</summary>
public sealed record ApiOperation(string Method, string Route, IReadOnlyList<ApiParameter> Parameters, JsonNode? BodySchema)
{
    /// <summary>True for POST, PUT, PATCH and DELETE.</summary>
    public bool IsWrite => Method is "POST" or "PUT" or "PATCH" or "DELETE";

    /// <summary>True when the operation takes query parameters (lists, searches, filters).</summary>
    public bool HasQuery => Parameters.Any(p => p.In == "query");

    public override string ToString() => $"{Method} {Route}";
}

/// <summary>A path or query parameter.</summary>
public sealed record ApiParameter(string Name, string In, JsonNode? Schema);

/// <summary>Reads the operations and resolves schema references of the OpenAPI document.</summary>
public sealed class OpenApiOperations
{
    private readonly JsonNode _document;

    public OpenApiOperations(JsonNode document)
    {
        _document = document;
        var operations = new List<ApiOperation>();
        foreach (var (route, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                if (method is "parameters" or "summary" or "description")
                {
                    continue;
                }

                var parameters = (operation!["parameters"] as JsonArray ?? [])
                    .Select(p => Resolve(p)!)
                    .Select(p => new ApiParameter((string)p["name"]!, (string)p["in"]!, Resolve(p["schema"])))
                    .ToList();
                var body = operation["requestBody"]?["content"]?["application/json"]?["schema"];
                operations.Add(new ApiOperation(method.ToUpperInvariant(), route, parameters, Resolve(body)));
            }
        }

        Operations = operations.OrderBy(o => o.Route, StringComparer.Ordinal).ThenBy(o => o.Method, StringComparer.Ordinal).ToList();
    }

    /// <summary>Every operation, in a stable order (route, method).</summary>
    public IReadOnlyList<ApiOperation> Operations { get; }

    /// <summary>Follows a "$ref" to the component it names.</summary>
    public JsonNode? Resolve(JsonNode? node)
    {
        for (var depth = 0; node?["$ref"] is { } reference && depth < 10; depth++)
        {
            var path = ((string)reference!).TrimStart('#', '/').Split('/');
            node = path.Aggregate((JsonNode?)_document, (n, part) => n?[part]);
        }

        return node;
    }

    /// <summary>The schema's type without "null" ("string", "integer", "array", "object", …).</summary>
    public string TypeOf(JsonNode? schema)
    {
        schema = Resolve(schema);
        if (schema is null)
        {
            return "object";
        }

        if (schema["type"] is JsonArray types)
        {
            return types.Select(t => (string)t!).FirstOrDefault(t => t != "null") ?? "null";
        }

        if (schema["type"] is JsonValue type)
        {
            return (string)type!;
        }

        if (schema["enum"] is not null)
        {
            return "string";
        }

        foreach (var key in new[] { "oneOf", "anyOf", "allOf" })
        {
            if (schema[key] is JsonArray options)
            {
                var first = options.Select(Resolve).FirstOrDefault(o => o?["type"]?.ToString() != "null");
                if (first is not null)
                {
                    return TypeOf(first);
                }
            }
        }

        return schema["properties"] is not null ? "object" : "string";
    }

    /// <summary>The schema without the "null" alternatives of anyOf/oneOf.</summary>
    public JsonNode? NonNull(JsonNode? schema)
    {
        schema = Resolve(schema);
        foreach (var key in new[] { "oneOf", "anyOf", "allOf" })
        {
            if (schema?[key] is JsonArray options)
            {
                var first = options.Select(Resolve).FirstOrDefault(o => o?["type"]?.ToString() != "null");
                if (first is not null)
                {
                    return first;
                }
            }
        }

        return schema;
    }
}
