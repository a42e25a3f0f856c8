using System.Globalization;
using CsvHelper;

namespace Alliance.Shared.Exports;

/// <summary>
/// CSV the way German Excel opens it by double-click: UTF-8 with BOM, ';' as separator, headers and values in the
/// reader's culture, and cells that begin with =, +, -, @, tab or carriage return escaped so user text never runs as a
/// spreadsheet formula (OWASP "CSV injection"). Written by CsvHelper, never by hand.
/// </summary>
public static class CsvExport
{
    /// <summary>Writes <paramref name="rows"/> with one column per entry of <paramref name="columns"/> in <paramref name="culture"/>.</summary>
    public static byte[] Write<T>(IEnumerable<T> rows, IReadOnlyList<ExportColumn<T>> columns, CultureInfo culture)
    {
        using var buffer = new MemoryStream();
        Write(buffer, rows, columns, culture);
        return buffer.ToArray();
    }

    /// <summary>Writes the CSV to <paramref name="output"/> (left open), one row at a time as <paramref name="rows"/> yields them.</summary>
    public static void Write<T>(Stream output, IEnumerable<T> rows, IReadOnlyList<ExportColumn<T>> columns, CultureInfo culture)
    {
        using var csv = CsvWriter.Create(output, Options, leaveOpen: true);
        csv.WriteRecord(Headers(columns));
        foreach (var row in rows)
        {
            csv.WriteRecord(Cells(row, columns, culture));
        }
    }

    /// <summary>
    /// Writes the CSV to <paramref name="output"/> (left open, e.g. a response body, which takes no synchronous writes)
    /// while <paramref name="rows"/> yields them: one row is in memory at a time, and CsvHelper sends its buffer on
    /// whenever it is mostly full, so the first rows reach the client while the query still reads the rest.
    /// </summary>
    public static async Task WriteAsync<T>(
        Stream output, IAsyncEnumerable<T> rows, IReadOnlyList<ExportColumn<T>> columns, CultureInfo culture, CancellationToken cancellationToken)
    {
        await using var csv = CsvWriter.Create(output, Options, leaveOpen: true);
        await csv.WriteRecordAsync(Headers(columns), cancellationToken);
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            await csv.WriteRecordAsync(Cells(row, columns, culture), cancellationToken);
        }

        await csv.FlushAsync(cancellationToken);
    }

    private static CsvWriterOptions Options => new() { Separator = ';', WriteByteOrderMark = true, Injection = CsvInjection.Escape };

    private static string[] Headers<T>(IReadOnlyList<ExportColumn<T>> columns) => columns.Select(c => c.Header).ToArray();

    private static string[] Cells<T>(T row, IReadOnlyList<ExportColumn<T>> columns, CultureInfo culture)
    {
        var cells = new string[columns.Count];
        for (var i = 0; i < cells.Length; i++)
        {
            cells[i] = Format(columns[i].Value(row), culture);
        }

        return cells;
    }

    /// <summary>Dates as the culture writes them (17.12.2026 / 17 Dec 2026), numbers with its decimal separator.</summary>
    private static string Format(object? value, CultureInfo culture) => value switch
    {
        null => "",
        string text => text,
        DateOnly date => date.ToString("d", culture),
        DateTime time => time.ToString("g", culture),
        IFormattable formattable => formattable.ToString(null, culture),
        _ => value.ToString() ?? "",
    };
}
