using System.Diagnostics;
using System.Globalization;
using Alliance.Shared.Charts;
using Alliance.Shared.Exports;

namespace Alliance.Shared.Tests;

public sealed class PdfReportTests
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    [Fact]
    public async Task A_report_reads_back_with_pdftotext_heading_umlaut_table_cells_chart_and_page_numbers()
    {
        var chart = Charts.Charts.Png(new ChartSpec("Anteile", ChartKind.Column, ["Ja", "Nein"],
            [new ChartSeries("Anteil", [60, 40])], German), 640, 360);
        byte[] pdf;
        using (var report = new PdfReport("Ergebnisbericht Förderung", German, "Seite {0} von {1}"))
        {
            report.Heading("Ergebnisbericht Förderung")
                .Paragraph(string.Join(' ', Enumerable.Repeat("Ein langer Absatz über Größenordnungen, der umbricht.", 12)))
                .Heading("Antworten", level: 2)
                .Table(["Antwort", "Anzahl"],
                    [["Äpfel, Öl & Übermaß", "12,5"], ["Straße", "3"]],
                    widths: [3, 1], rightAligned: [1])
                .Image(chart, "Abbildung 1: Anteile")
                .PageBreak()
                .Paragraph("Zweite Seite.");
            pdf = report.ToArray();
        }

        Assert.Equal("%PDF-"u8.ToArray(), pdf[..5]);
        var file = Path.Combine(Path.GetTempPath(), $"alliance-report-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            var text = await Run("pdftotext", "-enc", "UTF-8", "-layout", file, "-");
            Assert.Contains("Ergebnisbericht Förderung", text, StringComparison.Ordinal);
            Assert.Contains("Äpfel, Öl & Übermaß", text, StringComparison.Ordinal);
            Assert.Contains("Straße", text, StringComparison.Ordinal);
            Assert.Contains("Abbildung 1: Anteile", text, StringComparison.Ordinal);
            Assert.Contains("Seite 1 von 2", text, StringComparison.Ordinal);
            Assert.Contains("Seite 2 von 2", text, StringComparison.Ordinal);
            Assert.Equal("Zweite Seite.", text.Split('\f')[1].Split('\n', StringSplitOptions.TrimEntries)
                .First(l => l.Length > 0));

            var images = await Run("pdfimages", "-list", file);
            Assert.Contains(images.Split('\n'), line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [_, _, "image", "640", "360", ..]);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_long_table_continues_on_the_next_page_with_its_header_row_again()
    {
        using var report = new PdfReport("Lang", German, "Seite {0} von {1}");
        report.Table(["Name", "Wert"], Enumerable.Range(1, 80).Select(i => (IReadOnlyList<string>)[$"Zeile {i}", i.ToString(German)]).ToList());
        var pdf = report.ToArray();

        var file = Path.Combine(Path.GetTempPath(), $"alliance-report-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            var pages = (await Run("pdftotext", "-enc", "UTF-8", "-layout", file, "-")).Split('\f');
            Assert.True(pages.Count(p => p.Trim().Length > 0) >= 2);
            Assert.Contains("Zeile 80", pages[^2], StringComparison.Ordinal);
            Assert.All(pages.Where(p => p.Trim().Length > 0), page => Assert.Contains("Name", page, StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void The_font_resolver_is_installed_once_and_a_second_call_is_harmless_from_many_threads()
    {
        Parallel.For(0, 16, _ => PdfFonts.EnsureResolver());

        Assert.IsType<DejaVuFontResolver>(PdfSharp.Fonts.GlobalFontSettings.FontResolver);
        Assert.Equal("DejaVuSans-Bold", new DejaVuFontResolver().ResolveTypeface("Arial", true, false).FaceName);
    }

    private static async Task<string> Run(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start (apt-get install poppler-utils).");
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{tool} failed: {error}");
        return output;
    }
}
