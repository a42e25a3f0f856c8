namespace Alliance.Probes.Tests;

/// <summary>The row count of every table in every module schema (Hangfire's own tables left out), in one query.</summary>
public sealed class RowCounts
{
    private readonly ProbeApp _app;
    private readonly string _sql;
    private readonly string[] _tables;

    private RowCounts(ProbeApp app, string[] tables)
    {
        _app = app;
        _tables = tables;
        _sql = "select " + string.Join(", ", tables.Select(t => $"(select count(*) from {t})"));
    }

    /// <summary>Finds the tables through information_schema.</summary>
    public static async Task<RowCounts> ForAsync(ProbeApp app)
    {
        var rows = await app.QueryAsync(
            "select table_schema, table_name from information_schema.tables where table_type = 'BASE TABLE' " +
            "and table_schema not in ('pg_catalog', 'information_schema', 'hangfire', 'public') order by 1, 2");
        return new RowCounts(app, rows.Select(r => $"\"{r[0]}\".\"{r[1]}\"").ToArray());
    }

    /// <summary>Counts now.</summary>
    public async Task<long[]> CountAsync()
    {
        var row = (await _app.QueryAsync(_sql)).Single();
        return row.Select(v => Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
    }

    /// <summary>The tables whose counts differ ("schema.table 12→13").</summary>
    public IEnumerable<string> Differences(long[] before, long[] after) =>
        _tables.Select((t, i) => (t, i)).Where(x => before[x.i] != after[x.i]).Select(x => $"{x.t} {before[x.i]}→{after[x.i]}");
}
