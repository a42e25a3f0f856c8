namespace Alliance.Probes.Tests;

/// <summary>
/// Real ids of the demo data for route parameters: "{id}" after "/labs/" is a lab, "{pollId}" a poll. Tables are
/// matched by name (singular or plural, with or without separators) within the route's module schema first; rows
/// are taken in a stable order (oldest first) so the same route gets the same kind of row on every run.
/// </summary>
public sealed class IdPool
{
    private readonly Dictionary<string, List<(string Schema, string Table, List<Guid> Ids)>> _byName = [];
    private readonly List<Guid> _any = [];

    private IdPool()
    {
    }

    /// <summary>Reads the ids of every table with an "Id" uuid column.</summary>
    public static async Task<IdPool> ForAsync(ProbeApp app)
    {
        var pool = new IdPool();
        var tables = await app.QueryAsync(
            "select c.table_schema, c.table_name, (select string_agg(quote_ident(o.column_name), ', ' order by array_position(" +
            "array['CreatedAt','JoinedAt','RecordedAt','StartsAt','Title','Name','Email'], o.column_name::text)) from information_schema.columns o " +
            "where o.table_schema = c.table_schema and o.table_name = c.table_name " +
            "and o.column_name in ('CreatedAt','JoinedAt','RecordedAt','StartsAt','Title','Name','Email')) " +
            "from information_schema.columns c join information_schema.tables t " +
            "on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE' " +
            "where c.column_name = 'Id' and c.data_type = 'uuid' and c.table_schema not in ('hangfire', 'public') order by 1, 2");
        foreach (var row in tables)
        {
            // Oldest first (or by title/name): the same kind of row on every run, whatever ids the seeder drew.
            var (schema, table, columns) = ((string)row[0]!, (string)row[1]!, row[2] as string);
            var order = columns is null ? "\"Id\"" : columns + ", \"Id\"";
            var ids = (await app.QueryAsync($"select \"Id\" from \"{schema}\".\"{table}\" order by {order} limit 50")).Select(r => (Guid)r[0]!).ToList();
            if (ids.Count == 0)
            {
                continue;
            }

            var key = Normalize(table);
            if (!pool._byName.TryGetValue(key, out var list))
            {
                pool._byName[key] = list = [];
            }

            list.Add((schema, table, ids));
            pool._any.AddRange(ids.Take(3));
        }

        return pool;
    }

    /// <summary>
    /// An id for the route parameter <paramref name="parameter"/> of <paramref name="route"/> ("api/labs/{id}/members"),
    /// the <paramref name="pick"/>-th of the matching table's rows (wrapping), or any known id when nothing matches.
    /// </summary>
    public Guid For(string route, string parameter, int pick = 0)
    {
        var segments = route.Trim('/').Split('/');
        var index = Array.FindIndex(segments, s => s.StartsWith("{" + parameter, StringComparison.OrdinalIgnoreCase));
        var module = segments.Length > 1 && segments[0] == "api" ? segments[1] : segments[0];
        var candidates = new List<string>();
        var name = parameter.EndsWith("Id", StringComparison.Ordinal) && parameter.Length > 2 ? parameter[..^2] : null;
        if (name is not null)
        {
            candidates.Add(name);
        }

        for (var i = index - 1; i >= 0; i--)
        {
            if (!segments[i].StartsWith('{'))
            {
                candidates.Add(segments[i]);
                break;
            }
        }

        candidates.Add(module);
        foreach (var candidate in candidates)
        {
            if (_byName.TryGetValue(Normalize(candidate), out var tables))
            {
                var table = tables.FirstOrDefault(t => string.Equals(t.Schema, module, StringComparison.OrdinalIgnoreCase));
                var ids = (table.Ids ?? tables[0].Ids);
                return ids[pick % ids.Count];
            }
        }

        return _any.Count == 0 ? Guid.NewGuid() : _any[pick % _any.Count];
    }

    /// <summary>Any known id (of any table).</summary>
    public Guid Any(int pick) => _any[pick % _any.Count];

    private static string Normalize(string name)
    {
        var letters = new string(name.Where(char.IsLetterOrDigit).ToArray()).ToLowerInvariant();
        if (letters.EndsWith("ies", StringComparison.Ordinal))
        {
            return letters[..^3] + "y";
        }

        return letters.EndsWith('s') ? letters[..^1] : letters;
    }
}
