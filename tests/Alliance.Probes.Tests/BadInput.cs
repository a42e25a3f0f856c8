using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Alliance.Probes.Tests;

/// <summary>One generated request.</summary>
public sealed record ProbeRequest(string Caller, string Method, string Url, string? Body, string What)
{
    public override string ToString() =>
        $"{Caller} {Method} {Url} [{What}] {(Body is null ? "" : Body.Length > 300 ? Body[..300] + $"… ({Body.Length} chars)" : Body)}";
}

/// <summary>
/// Generates bad input for an operation from its OpenAPI schema: a plausible body with one value replaced by a bad
/// one (wrong type, null, missing, NUL and non-characters, 1 MB text, int.MaxValue, DateTime.MinValue, unknown ids,
/// oversized collections, null elements), whole bodies that are no request at all, bad query and path values.
/// Everything comes from one <see cref="Random"/> with a seed, so a run can be replayed.
/// </summary>
public sealed class BadInput(OpenApiOperations api, IdPool ids, Random random)
{
    private static readonly string OneMegabyte = new('x', 1_000_000);

    /// <summary>JSON values that no field should accept without a 400 (or that it may accept, but never with a 5xx).</summary>
    private static readonly string[] BadValues =
    [
        "\"\\u0000\"", "\"a\\u0000b\"", "\"\\ufffe\"", "\"\\uffff\"", "\"\\ud800\"", "\"x\\udc00\"", "\"\\ufdd0\"",
        "2147483647", "-2147483648", "2147483648", "-1", "0", "1.5", "1e400", "9223372036854775807",
        "\"0001-01-01T00:00:00\"", "\"9999-12-31T23:59:59\"", "\"0001-01-01\"", "\"9999-12-31\"", "\"1900-01-01\"",
        "null", "true", "{}", "[]", "\"not-a-guid\"", "\"00000000-0000-0000-0000-000000000000\"", $"\"{Guid.NewGuid()}\"",
        "\"" + new string('x', 5000) + "\"", "\"<script>alert(1)</script>\"", "\"=cmd|' /C calc'!A0\"", "\"  \"", "\"\"",
    ];

    private static readonly string[] BadBodies = ["", "{}", "null", "[]", "{", "{\"a\":", "\"\\u0000\"", "{\"unknownField\":1}", "[null]", "1", "{\"\\u0000\":1}"];

    private static readonly string[] BadQueryValues =
    [
        "2147483647", "-2147483648", "0", "-1", "99999999999", "abc", "%00", "a%00b", "%EF%BF%BE", "%EF%BF%BF", "%ED%A0%80",
        "0001-01-01", "9999-12-31", "0001-01-01T00:00:00", "", new string('x', 4_000), "%27%3B--", "00000000-0000-0000-0000-000000000000",
    ];

    /// <summary>Up to <paramref name="max"/> bad requests for the operation, a seeded sample of all it can make.</summary>
    public List<ProbeRequest> For(ApiOperation operation, int max)
    {
        var all = new List<(string Url, string? Body, string What)>();
        var url = Url(operation, _ => null, 0);
        var body = operation.BodySchema is null ? null : Valid(operation.BodySchema, "", operation.Route, 0)?.ToJsonString();

        // The plausible request itself, with real ids: may succeed, must not fail with a 5xx.
        all.Add((url, body, "plausible"));
        for (var pick = 1; pick < 4; pick++)
        {
            all.Add((Url(operation, _ => null, pick), body, $"plausible with id #{pick}"));
        }

        foreach (var parameter in operation.Parameters.Where(p => p.In == "path"))
        {
            foreach (var value in new[] { Guid.NewGuid().ToString(), "00000000-0000-0000-0000-000000000000", "%00", "abc", "%EF%BF%BE" })
            {
                all.Add((Url(operation, p => p == parameter.Name ? value : null, 0), body, $"path {parameter.Name}={value}"));
            }
        }

        foreach (var parameter in operation.Parameters.Where(p => p.In == "query"))
        {
            foreach (var value in BadQueryValues)
            {
                var separator = url.Contains('?', StringComparison.Ordinal) ? '&' : '?';
                all.Add(($"{url}{separator}{parameter.Name}={value}", body, $"query {parameter.Name}={Short(value)}"));
            }
        }

        if (operation.BodySchema is not null)
        {
            foreach (var bad in BadBodies)
            {
                all.Add((url, bad, $"body {Short(bad)}"));
            }

            foreach (var (path, schema) in Fields(operation.BodySchema, "", 0))
            {
                foreach (var bad in BadValues)
                {
                    all.Add((url, Replace(body!, path, bad), $"{path}={Short(bad)}"));
                }

                all.Add((url, Remove(body!, path), $"{path} missing"));
                if (api.TypeOf(schema) == "string")
                {
                    all.Add((url, Replace(body!, path, "\"" + OneMegabyte + "\""), $"{path}=1 MB"));
                }

                if (api.TypeOf(schema) == "array")
                {
                    var item = Valid(api.NonNull(schema)?["items"], path, operation.Route, 0);
                    var many = new JsonArray(Enumerable.Range(0, 1001).Select(_ => item?.DeepClone()).ToArray());
                    all.Add((url, Replace(body!, path, many.ToJsonString()), $"{path}=1001 items"));
                    all.Add((url, Replace(body!, path, new JsonArray(null, item?.DeepClone()).ToJsonString()), $"{path}=[null, item]"));
                }
            }
        }

        Shuffle(all);
        var chosen = all.Take(max).ToList();
        // The plausible request always, once.
        if (!chosen.Contains(all.First(a => a.What == "plausible")))
        {
            chosen[0] = all.First(a => a.What == "plausible");
        }

        return chosen.Select(c => new ProbeRequest(random.Next(5) == 0 ? "representativeA" : "staff", operation.Method, c.Url, c.Body, c.What)).ToList();
    }

    /// <summary>The route with real ids, or the given raw values, in its path parameters.</summary>
    public string Url(ApiOperation operation, Func<string, string?> value, int pick)
    {
        var url = operation.Route;
        foreach (var parameter in operation.Parameters.Where(p => p.In == "path"))
        {
            url = url.Replace("{" + parameter.Name + "}", value(parameter.Name) ?? ids.For(operation.Route, parameter.Name, pick).ToString(), StringComparison.Ordinal);
        }

        return url;
    }

    /// <summary>A plausible value for the schema: real ids, dates next year, short texts.</summary>
    public JsonNode? Valid(JsonNode? schema, string name, string route, int depth)
    {
        schema = api.NonNull(schema);
        if (depth > 6)
        {
            return null;
        }

        switch (api.TypeOf(schema))
        {
            case "object":
                var result = new JsonObject();
                foreach (var (property, propertySchema) in schema?["properties"]?.AsObject() ?? [])
                {
                    result[property] = Valid(propertySchema, property, route, depth + 1);
                }

                return result;
            case "array":
                return new JsonArray(Valid(schema?["items"], name, route, depth + 1));
            case "integer":
                return 1;
            case "number":
                return 1.5;
            case "boolean":
                return true;
        }

        if (schema?["enum"] is JsonArray values && values.Count > 0)
        {
            return values[0]?.DeepClone();
        }

        return (string?)schema?["format"] switch
        {
            "uuid" => ids.For(route + "/{" + name + "}", name).ToString(),
            "date" => "2027-03-01",
            "date-time" => "2027-03-01T10:00:00+01:00",
            "email" => "probe@example.org",
            _ when name.Contains("mail", StringComparison.OrdinalIgnoreCase) => "probe@example.org",
            _ => "Probe " + name,
        };
    }

    /// <summary>The paths of every field of the body ("title", "actionItems", "actionItems[0].title").</summary>
    private IEnumerable<(string Path, JsonNode? Schema)> Fields(JsonNode? schema, string prefix, int depth)
    {
        schema = api.NonNull(schema);
        if (depth > 3 || api.TypeOf(schema) != "object")
        {
            yield break;
        }

        foreach (var (property, propertySchema) in schema?["properties"]?.AsObject() ?? [])
        {
            var path = prefix.Length == 0 ? property : $"{prefix}.{property}";
            yield return (path, propertySchema);
            var inner = api.NonNull(propertySchema);
            if (api.TypeOf(inner) == "object")
            {
                foreach (var field in Fields(inner, path, depth + 1))
                {
                    yield return field;
                }
            }
            else if (api.TypeOf(inner) == "array" && api.TypeOf(api.NonNull(inner?["items"])) == "object")
            {
                foreach (var field in Fields(inner?["items"], path + "[0]", depth + 1))
                {
                    yield return field;
                }
            }
        }
    }

    private const string Placeholder = "__probe_value__";

    /// <summary>The body with the field at <paramref name="path"/> set to the raw JSON <paramref name="json"/> (kept byte for byte).</summary>
    private static string Replace(string body, string path, string json) =>
        Edit(body, path, (parent, key) => parent[key] = Placeholder).Replace("\"" + Placeholder + "\"", json, StringComparison.Ordinal);

    private static string Remove(string body, string path) => Edit(body, path, (parent, key) => parent.Remove(key));

    private static string Edit(string body, string path, Action<JsonObject, string> edit)
    {
        var root = JsonNode.Parse(body)!;
        var parts = path.Split('.');
        JsonNode? node = root;
        foreach (var part in parts[..^1])
        {
            node = part.EndsWith("[0]", StringComparison.Ordinal) ? node?[part[..^3]]?[0] : node?[part];
        }

        if (node is JsonObject parent)
        {
            edit(parent, parts[^1]);
        }

        return root.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    private void Shuffle<T>(List<T> list)
    {
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
    }

    private static string Short(string value) => value.Length > 40 ? value[..20] + $"…({value.Length.ToString(CultureInfo.InvariantCulture)})" : value;
}
