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
        var options = new CsvWriterOptions { Separator = ';', WriteByteOrderMark = true, Injection = CsvInjection.Escape };
        using var csv = CsvWriter.Create(output, options, leaveOpen: true);
        csv.WriteRecord(columns.Select(c => c.Header).ToArray());
        foreach (var row in rows)
        {
            csv.WriteRecord(columns.Select(c => Format(c.Value(row), culture)).ToArray());
        }
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
