using Npgsql;

namespace Alliance.Probes.Tests;

/// <summary>
/// The row count of every table in every module schema (Hangfire's own tables left out), in one query. The query (one
/// sub-select per table, about a hundred) is prepared once on a connection of its own: planning it again for every
/// write of the bad-input probe (thousands) cost more than counting.
/// </summary>
public sealed class RowCounts : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlCommand _command;
    private readonly string[] _tables;

    private RowCounts(NpgsqlConnection connection, NpgsqlCommand command, string[] tables)
    {
        _connection = connection;
        _command = command;
        _tables = tables;
    }

    /// <summary>Finds the tables through information_schema and prepares the count.</summary>
    public static async Task<RowCounts> ForAsync(ProbeApp app)
    {
        var rows = await app.QueryAsync(
            "select table_schema, table_name from information_schema.tables where table_type = 'BASE TABLE' " +
            "and table_schema not in ('pg_catalog', 'information_schema', 'hangfire', 'public') order by 1, 2");
        var tables = rows.Select(r => $"\"{r[0]}\".\"{r[1]}\"").ToArray();
        var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        var command = new NpgsqlCommand("select " + string.Join(", ", tables.Select(t => $"(select count(*) from {t})")), connection);
        await command.PrepareAsync();
        return new RowCounts(connection, command, tables);
    }

    /// <summary>Counts now.</summary>
    public async Task<long[]> CountAsync()
    {
        await using var reader = await _command.ExecuteReaderAsync();
        await reader.ReadAsync();
        var counts = new long[reader.FieldCount];
        for (var i = 0; i < counts.Length; i++)
        {
            counts[i] = reader.GetInt64(i);
        }

        return counts;
    }

    /// <summary>The tables whose counts differ ("schema.table 12→13").</summary>
    public IEnumerable<string> Differences(long[] before, long[] after) =>
        _tables.Select((t, i) => (t, i)).Where(x => before[x.i] != after[x.i]).Select(x => $"{x.t} {before[x.i]}→{after[x.i]}");

    public async ValueTask DisposeAsync()
    {
        await _command.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
