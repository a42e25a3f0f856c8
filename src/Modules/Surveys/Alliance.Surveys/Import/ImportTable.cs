using System.Globalization;
using CsvHelper;
using MiniExcelLibs;

namespace Alliance.Surveys.Import;

/// <summary>
/// A spreadsheet as the import sees it: the first row's headers and the other rows' cells as text (numbers with a
/// decimal point, dates as yyyy-MM-dd). XLSX is read by MiniExcel, CSV by CsvHelper (';' or ',' detected, UTF-8 with
/// or without BOM) — never by hand.
/// </summary>
internal sealed record ImportTable(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    /// <summary>The largest file the import takes.</summary>
    public const int MaxFileBytes = 2 * 1024 * 1024;

    /// <summary>The most rows (responses) one import takes.</summary>
    public const int MaxRows = 5000;

    /// <summary>The most columns one import takes.</summary>
    public const int MaxColumns = 300;

    /// <summary>Whether the name says XLSX (else CSV).</summary>
    public static bool IsXlsx(string fileName) => fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads the file, or null when it is neither a readable XLSX nor CSV (the caller reports that).</summary>
    public static ImportTable? Read(string fileName, byte[] content)
    {
        try
        {
            var table = IsXlsx(fileName) ? ReadXlsx(content) : ReadCsv(content);
            return table.Headers.Count == 0 ? null : table;
        }
        catch (Exception e) when (e is InvalidDataException or IOException or CsvFormatException or CsvValidationException or InvalidOperationException or ArgumentException
            or FormatException or NotSupportedException or System.Xml.XmlException)
        {
            return null;
        }
    }

    private static ImportTable ReadXlsx(byte[] content)
    {
        using var stream = new MemoryStream(content);
        var rows = stream.Query(useHeaderRow: false).Cast<IDictionary<string, object?>>().Take(MaxRows + 2).ToList();
        if (rows.Count == 0)
        {
            return new ImportTable([], []);
        }

        var keys = rows[0].Keys.Take(MaxColumns).ToList();
        var headers = keys.Select(k => Text(rows[0][k])).ToList();
        var body = rows.Skip(1).Select(r => (IReadOnlyList<string>)keys.Select(k => r.TryGetValue(k, out var v) ? Text(v) : "").ToList()).ToList();
        return Trim(headers, body);
    }

    private static ImportTable ReadCsv(byte[] content)
    {
        // The separator (';' from German Excel, ',' elsewhere) is detected by CsvHelper from the first lines.
        using var csv = CsvReader.Create(content, new CsvReaderOptions { HasHeader = false });
        var rows = new List<string[]>();
        while (csv.Read() && rows.Count < MaxRows + 2)
        {
            rows.Add(Enumerable.Range(0, Math.Min(csv.FieldCount, MaxColumns)).Select(i => csv.GetString(i)).ToArray());
        }

        if (rows.Count == 0)
        {
            return new ImportTable([], []);
        }

        var width = rows.Max(r => r.Length);
        return Trim(Pad(rows[0], width), rows.Skip(1).Select(r => (IReadOnlyList<string>)Pad(r, width)).ToList());
    }

    /// <summary>Drops trailing columns without a header and rows without any value.</summary>
    private static ImportTable Trim(List<string> headers, List<IReadOnlyList<string>> rows)
    {
        var width = headers.Count;
        while (width > 0 && string.IsNullOrWhiteSpace(headers[width - 1]) && rows.All(r => r.Count < width || string.IsNullOrWhiteSpace(r[width - 1])))
        {
            width--;
        }

        return new ImportTable(headers.Take(width).Select(h => h.Trim()).ToList(),
            rows.Select(r => (IReadOnlyList<string>)r.Take(width).Select(c => c.Trim()).ToList()).ToList());
    }

    private static List<string> Pad(string[] row, int width) => row.Concat(Enumerable.Repeat("", Math.Max(0, width - row.Length))).ToList();

    /// <summary>A cell as text: numbers with '.', dates as yyyy-MM-dd, the rest as it is.</summary>
    private static string Text(object? value) => value switch
    {
        null => "",
        DateTime time when time.TimeOfDay == TimeSpan.Zero => time.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime time => time.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        decimal number => number.ToString(CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
