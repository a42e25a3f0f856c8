using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Alliance.Funding.Tests;

/// <summary>
/// Readers we did not write: openpyxl (Debian's python3-openpyxl) for workbooks — every sheet's cells with their type
/// and number format — and, for documents, python-docx and pdftotext (poppler).
/// </summary>
internal static class FileReaders
{
    /// <summary>One cell: sheet, 1-based row and column, openpyxl's data_type (s, n, d), number format and value as text (dates ISO).</summary>
    internal sealed record Cell(string Sheet, int Row, int Column, string Type, string Format, string Value);

    public static async Task<List<Cell>> OpenpyxlAsync(byte[] workbook)
    {
        var output = await WithFileAsync(workbook, ".xlsx", path => RunAsync(Python, "-c", """
            import sys, openpyxl
            for sheet in openpyxl.load_workbook(sys.argv[1]).worksheets:
                for row in sheet.iter_rows():
                    for cell in row:
                        if cell.value is not None:
                            value = cell.value.date().isoformat() if hasattr(cell.value, "date") and callable(cell.value.date) else str(cell.value)
                            print(f"{sheet.title}\t{cell.row}\t{cell.column}\t{cell.data_type}\t{cell.number_format}\t{value}".replace("\n", " "))
            """, path));
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split('\t'))
            .Select(p => new Cell(p[0], int.Parse(p[1], CultureInfo.InvariantCulture), int.Parse(p[2], CultureInfo.InvariantCulture), p[3], p[4], p.Length > 5 ? p[5] : ""))
            .ToList();
    }

    /// <summary>The paragraphs and table cells of a DOCX as python-docx reads them, one per line.</summary>
    public static Task<string> DocxTextAsync(byte[] document) =>
        WithFileAsync(document, ".docx", path => RunAsync(Python, "-c", """
            import sys, docx
            d = docx.Document(sys.argv[1])
            for p in d.paragraphs: print(p.text)
            for t in d.tables:
                for r in t.rows: print("\t".join(c.text for c in r.cells))
            """, path));

    /// <summary>The text of a PDF as pdftotext extracts it.</summary>
    public static Task<string> PdfTextAsync(byte[] pdf) => WithFileAsync(pdf, ".pdf", path => RunAsync("pdftotext", "-layout", "-enc", "UTF-8", path, "-"));

    /// <summary>Converts a file with LibreOffice (headless) to PDF and returns the PDF's bytes.</summary>
    public static async Task<byte[]> LibreOfficePdfAsync(byte[] content, string extension)
    {
        var folder = Directory.CreateTempSubdirectory("funding-lo-").FullName;
        try
        {
            var path = Path.Combine(folder, "file" + extension);
            await File.WriteAllBytesAsync(path, content);
            await RunAsync("soffice", $"-env:UserInstallation=file://{folder}/profile", "--headless", "--convert-to", "pdf", "--outdir", folder, path);
            return await File.ReadAllBytesAsync(Path.Combine(folder, "file.pdf"));
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    private static string Python => File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";

    private static async Task<string> WithFileAsync(byte[] content, string extension, Func<string, Task<string>> read)
    {
        var path = Path.Combine(Path.GetTempPath(), $"funding-{Guid.NewGuid():N}{extension}");
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

    private static async Task<string> RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, StandardOutputEncoding = Encoding.UTF8, WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} failed ({process.ExitCode}): {await error}");
        }

        return await output;
    }
}
