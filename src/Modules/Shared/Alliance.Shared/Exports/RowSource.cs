using Microsoft.EntityFrameworkCore;

namespace Alliance.Shared.Exports;

/// <summary>
/// The rows of a tabular export as its query yields them, each mapped to the export's row while the file is written:
/// one row in memory at a time (issue 13: exports stream). Enumerate it once, asynchronously for CSV
/// (<see cref="CsvExport.WriteAsync{T}"/>) or synchronously for XLSX (<see cref="XlsxExport.WriteAsync{T}"/>: MiniExcel
/// writes synchronously). Use it only inside the request whose DbContext made the query.
/// </summary>
public sealed class RowSource<TRow>
{
    private readonly Func<IEnumerable<TRow>> _read;
    private readonly Func<CancellationToken, IAsyncEnumerable<TRow>> _readAsync;

    private RowSource(Func<IEnumerable<TRow>> read, Func<CancellationToken, IAsyncEnumerable<TRow>> readAsync)
    {
        _read = read;
        _readAsync = readAsync;
    }

    /// <summary>Runs the query and yields its mapped rows as they arrive.</summary>
    public IAsyncEnumerable<TRow> ReadAsync(CancellationToken cancellationToken) => _readAsync(cancellationToken);

    /// <summary>Runs the query synchronously and yields its mapped rows as they arrive.</summary>
    public IEnumerable<TRow> Read() => _read();

    /// <summary>The rows of <paramref name="query"/>, each mapped by <paramref name="map"/> (labels, name rules, time zones).</summary>
    public static RowSource<TRow> FromQuery<TRecord>(IQueryable<TRecord> query, Func<TRecord, TRow> map) =>
        new(() => query.AsEnumerable().Select(map), ct => Mapped(query.AsAsyncEnumerable(), map, ct));

    /// <summary>
    /// One row per run of consecutive records of <paramref name="query"/> with the same <paramref name="key"/> (the query
    /// orders by it), made by <paramref name="map"/>: a response and its answers become one row. One run in memory at a time.
    /// </summary>
    public static RowSource<TRow> FromGroupedQuery<TRecord, TKey>(IQueryable<TRecord> query, Func<TRecord, TKey> key, Func<IReadOnlyList<TRecord>, TRow> map)
        where TKey : notnull =>
        new(() => Grouped(query.AsEnumerable(), key, map), ct => GroupedAsync(query.AsAsyncEnumerable(), key, map, ct));

    private static IEnumerable<TRow> Grouped<TRecord, TKey>(IEnumerable<TRecord> records, Func<TRecord, TKey> key, Func<IReadOnlyList<TRecord>, TRow> map)
        where TKey : notnull
    {
        var run = new List<TRecord>();
        foreach (var record in records)
        {
            if (run.Count > 0 && !EqualityComparer<TKey>.Default.Equals(key(run[0]), key(record)))
            {
                yield return map(run);
                run = [];
            }

            run.Add(record);
        }

        if (run.Count > 0)
        {
            yield return map(run);
        }
    }

    private static async IAsyncEnumerable<TRow> GroupedAsync<TRecord, TKey>(
        IAsyncEnumerable<TRecord> records, Func<TRecord, TKey> key, Func<IReadOnlyList<TRecord>, TRow> map,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
        where TKey : notnull
    {
        var run = new List<TRecord>();
        await foreach (var record in records.WithCancellation(cancellationToken))
        {
            if (run.Count > 0 && !EqualityComparer<TKey>.Default.Equals(key(run[0]), key(record)))
            {
                yield return map(run);
                run = [];
            }

            run.Add(record);
        }

        if (run.Count > 0)
        {
            yield return map(run);
        }
    }

    private static async IAsyncEnumerable<TRow> Mapped<TRecord>(
        IAsyncEnumerable<TRecord> records, Func<TRecord, TRow> map, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var record in records.WithCancellation(cancellationToken))
        {
            yield return map(record);
        }
    }
}
