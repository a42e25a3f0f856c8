using Microsoft.AspNetCore.WebUtilities;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace Alliance.Shared.Exports;

/// <summary>
/// XLSX through MiniExcel: a header row, typed cells (numbers stay numbers, dates are real dates with a date format),
/// a column width per column and an autofilter — files that LibreOffice, openpyxl and exceljs all open
/// (exceljs only after <see cref="XlsxCompatibility"/> unprefixes the parts). Text cells
/// are stored as strings, never as formulas, so user text cannot run.
/// </summary>
public static class XlsxExport
{
    /// <summary>
    /// Characters MiniExcel buffers per part it writes (its default is 512 K: a 1 MB char buffer plus a 1.5 MB byte buffer
    /// per part, on the large-object heap, for every export). With 16 K both buffers stay below the 85,000-byte
    /// large-object threshold and die young. Issue 13, 16 connections exporting 500 registrations on the large alliance
    /// (2026-12-01, load average 8–24): with the default the host's GC heap grew from 56 to 391 MB committed (RSS 282 →
    /// 568 MB, peak 782 MB, 542 MB after the whole benchmark); with 16 K from 51 to 87 MB (RSS 278 → 366 MB, peak 371 MB,
    /// 352 MB after the whole benchmark), host CPU per export 42 → 33 ms. A large sheet is still streamed, in 16 K pieces.
    /// </summary>
    private const int WriterBufferChars = 16 * 1024;

    /// <summary>Writes one sheet named <paramref name="sheetName"/> (at most 31 characters, Excel's limit).</summary>
    public static byte[] Write<T>(IEnumerable<T> rows, IReadOnlyList<ExportColumn<T>> columns, string sheetName)
    {
        using var buffer = new MemoryStream();
        WriteSheets(buffer, XlsxSheet.Of(sheetName, rows, columns));
        return buffer.ToArray();
    }

    /// <summary>
    /// Writes one sheet to <paramref name="output"/> (left open, e.g. a response body, which takes no synchronous
    /// writes). MiniExcel writes synchronously, so the workbook is made first — rows enumerated once, as they come,
    /// through a temporary file — and then copied on asynchronously from a buffer that keeps its first 64 KB in memory
    /// and the rest in a temporary file (ASP.NET Core's <see cref="FileBufferingWriteStream"/>): memory stays flat in
    /// the number of rows. <paramref name="rows"/> may be a query enumerated synchronously.
    /// </summary>
    public static async Task WriteAsync<T>(
        Stream output, IEnumerable<T> rows, IReadOnlyList<ExportColumn<T>> columns, string sheetName, CancellationToken cancellationToken)
    {
        await using var buffer = new FileBufferingWriteStream(memoryThreshold: 64 * 1024);
        WriteSheets(buffer, XlsxSheet.Of(sheetName, rows, columns));
        await buffer.DrainBufferAsync(output, cancellationToken);
    }

    /// <summary>
    /// Writes a workbook of several sheets to <paramref name="output"/>. Rows are enumerated once while MiniExcel writes
    /// (a query's rows are never collected into a list here); the workbook goes through a temporary file, not memory.
    /// Each column may carry a number format (<see cref="ExportColumn{T}.Format"/>) for its typed cells.
    /// </summary>
    public static void WriteSheets(Stream output, params XlsxSheet[] sheets)
    {
        var configuration = new OpenXmlConfiguration
        {
            AutoFilter = true,
            DynamicColumns = sheets.SelectMany(s => s.Columns).ToArray(),
            BufferSize = WriterBufferChars,
        };
        var workbook = sheets.ToDictionary(s => s.Name, s => s.Content());
        var temporary = Path.Combine(Path.GetTempPath(), $"alliance-{Guid.NewGuid():N}.xlsx");
        try
        {
            using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920))
            {
                file.SaveAs(workbook, printHeader: true, excelType: ExcelType.XLSX, configuration: configuration);
            }

            using var written = new FileStream(temporary, FileMode.Open, FileAccess.Read, FileShare.None, 81920);
            XlsxCompatibility.WithDefaultNamespace(written, output);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>MiniExcel types dates from <see cref="DateTime"/>; a day becomes midnight of that day.</summary>
    internal static object? Cell(object? value) => value switch
    {
        DateOnly date => date.ToDateTime(TimeOnly.MinValue),
        DateTimeOffset instant => instant.DateTime,
        _ => value,
    };
}

/// <summary>One sheet of a workbook: its name (at most 31 characters), its rows as cells and its column definitions.</summary>
public sealed class XlsxSheet
{
    private static int _sheets;

    private XlsxSheet(string name, IEnumerable<Dictionary<string, object?>> rows, DynamicExcelColumn[] columns)
    {
        Name = name;
        Rows = rows;
        Columns = columns;
    }

    internal string Name { get; }

    internal IEnumerable<Dictionary<string, object?>> Rows { get; }

    internal DynamicExcelColumn[] Columns { get; }

    /// <summary>
    /// What MiniExcel is given: the rows, or for a sheet without rows an empty table with the same column keys, so the
    /// header row is still written (MiniExcel learns the keys of dictionaries from the first row).
    /// </summary>
    internal object Content()
    {
        var rows = Rows.GetEnumerator();
        if (!rows.MoveNext())
        {
            rows.Dispose();
            var empty = new System.Data.DataTable(Name) { Locale = System.Globalization.CultureInfo.InvariantCulture };
            foreach (var column in Columns)
            {
                empty.Columns.Add(column.Key, typeof(string));
            }

            return empty;
        }

        return Remaining(rows);
    }

    private static IEnumerable<Dictionary<string, object?>> Remaining(IEnumerator<Dictionary<string, object?>> rows)
    {
        using (rows)
        {
            do
            {
                yield return rows.Current;
            }
            while (rows.MoveNext());
        }
    }

    /// <summary>A sheet of <paramref name="rows"/> with one column per entry of <paramref name="columns"/>.</summary>
    public static XlsxSheet Of<T>(string name, IEnumerable<T> rows, IReadOnlyList<ExportColumn<T>> columns)
    {
        // Column keys are unique per sheet, so one configuration serves every sheet of a workbook.
        var prefix = $"s{Interlocked.Increment(ref _sheets)}c";
        var keys = columns.Select((_, i) => prefix + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var definitions = columns.Select((column, i) => new DynamicExcelColumn(keys[i])
        {
            Name = column.Header,
            Index = i,
            Width = column.Width,
            Format = column.Format,
        }).ToArray();
        var cells = rows.Select(row =>
        {
            var values = new Dictionary<string, object?>(columns.Count);
            for (var i = 0; i < columns.Count; i++)
            {
                values[keys[i]] = XlsxExport.Cell(columns[i].Value(row));
            }

            return values;
        });
        return new XlsxSheet(name.Length > 31 ? name[..31] : name, cells, definitions);
    }
}
