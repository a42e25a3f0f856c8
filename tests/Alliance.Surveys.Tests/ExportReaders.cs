using System.Diagnostics;
using System.Text;

namespace Alliance.Surveys.Tests;

/// <summary>
/// Readers we did not write: openpyxl (Debian's python3-openpyxl), exceljs (npm, tests/tools) and pdftotext
/// (poppler-utils). Each gives cells as (row, column, type, value) or the text of a PDF.
/// </summary>
internal static class ExportReaders
{
    private static readonly SemaphoreSlim Install = new(1, 1);

    /// <summary>One cell: 1-based row and column, the reader's type name and the value as text.</summary>
    internal sealed record Cell(int Row, int Column, string Type, string Value);

    /// <summary>The first sheet's cells as openpyxl reads them; type is openpyxl's data_type (s, n, d, f, b).</summary>
    public static async Task<List<Cell>> OpenpyxlAsync(byte[] workbook)
    {
        var output = await WithFileAsync(workbook, ".xlsx", path => RunAsync(File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3", null, "-c", """
            import sys, openpyxl
            sheet = openpyxl.load_workbook(sys.argv[1]).worksheets[0]
            for row in sheet.iter_rows():
                for cell in row:
                    if cell.value is not None:
                        value = cell.value.date().isoformat() if hasattr(cell.value, "date") and callable(cell.value.date) else str(cell.value)
                        print(f"{cell.row}\t{cell.column}\t{cell.data_type}\t{value}".replace("\n", " "))
            """, path));
        return Cells(output);
    }

    /// <summary>The first sheet's cells as exceljs reads them; type is exceljs' ValueType name (String, Number, Date, Formula).</summary>
    public static async Task<List<Cell>> ExceljsAsync(byte[] workbook)
    {
        var tools = ToolsFolder();
        await EnsureInstalledAsync(tools);
        var output = await WithFileAsync(workbook, ".xlsx", path => RunAsync("node", tools, Path.Combine(tools, "xlsx-cells.mjs"), path));
        return Cells(output);
    }

    /// <summary>The text of a PDF as pdftotext (poppler) extracts it.</summary>
    public static Task<string> PdfTextAsync(byte[] pdf) =>
        WithFileAsync(pdf, ".pdf", path => RunAsync("pdftotext", null, "-layout", "-enc", "UTF-8", path, "-"));

    /// <summary>The images in a PDF as pdfimages (poppler) lists them: width and height in pixels.</summary>
    public static async Task<List<(int Width, int Height)>> PdfImagesAsync(byte[] pdf)
    {
        var listing = await WithFileAsync(pdf, ".pdf", path => RunAsync("pdfimages", null, "-list", path));
        return listing.Split('\n').Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(p => p.Length > 4 && p[2] == "image")
            .Select(p => (int.Parse(p[3], System.Globalization.CultureInfo.InvariantCulture), int.Parse(p[4], System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
    }

    private static List<Cell> Cells(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('\t'))
            .Select(p => new Cell(int.Parse(p[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture), p[2], p.Length > 3 ? p[3] : ""))
            .ToList();

    private static async Task<string> WithFileAsync(byte[] content, string extension, Func<string, Task<string>> read)
    {
        var path = Path.Combine(Path.GetTempPath(), $"surveys-{Guid.NewGuid():N}{extension}");
        await File.WriteAllBytesAsync(path, content);
        try
        {
            return await read(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string ToolsFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "tools");
            if (File.Exists(Path.Combine(candidate, "package.json")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("tests/tools/package.json not found above " + AppContext.BaseDirectory);
    }

    private static async Task EnsureInstalledAsync(string tools)
    {
        await Install.WaitAsync();
        try
        {
            if (!File.Exists(Path.Combine(tools, "node_modules", "exceljs", "package.json")))
            {
                await RunAsync("npm", tools, "ci", "--no-audit", "--no-fund");
            }
        }
        finally
        {
            Install.Release();
        }
    }

    private static async Task<string> RunAsync(string program, string? directory, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, StandardOutputEncoding = Encoding.UTF8,
            WorkingDirectory = directory ?? Path.GetTempPath(),
        };
        start.Environment["PYTHONIOENCODING"] = "utf-8";
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{program} failed: {await error}");
        return await output;
    }
}
