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
    /// <summary>Writes one sheet named <paramref name="sheetName"/> (at most 31 characters, Excel's limit).</summary>
    public static byte[] Write<T>(IEnumerable<T> rows, IReadOnlyList<ExportColumn<T>> columns, string sheetName)
    {
        var keys = columns.Select((_, i) => $"c{i}").ToArray();
        var configuration = new OpenXmlConfiguration
        {
            AutoFilter = true,
            DynamicColumns = columns.Select((column, i) => new DynamicExcelColumn(keys[i])
            {
                Name = column.Header,
                Index = i,
                Width = column.Width,
            }).ToArray(),
        };

        var sheet = rows.Select(row =>
        {
            var cells = new Dictionary<string, object?>(columns.Count);
            for (var i = 0; i < columns.Count; i++)
            {
                cells[keys[i]] = Cell(columns[i].Value(row));
            }

            return cells;
        });

        using var buffer = new MemoryStream();
        buffer.SaveAs(sheet, printHeader: true, sheetName: sheetName.Length > 31 ? sheetName[..31] : sheetName,
            excelType: ExcelType.XLSX, configuration: configuration);
        return XlsxCompatibility.WithDefaultNamespace(buffer.ToArray());
    }

    /// <summary>MiniExcel types dates from <see cref="DateTime"/>; a day becomes midnight of that day.</summary>
    private static object? Cell(object? value) => value switch
    {
        DateOnly date => date.ToDateTime(TimeOnly.MinValue),
        DateTimeOffset instant => instant.DateTime,
        _ => value,
    };
}
