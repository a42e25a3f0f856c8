using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Alliance.Shared.Charts;
using Alliance.Shared.Exports;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Alliance.Shared.Tests;

/// <summary>
/// <see cref="DocxReport"/> read back by three readers we did not write: the OpenXml SDK (with its schema validator),
/// python-docx (Debian's python3-docx) and LibreOffice (converted to PDF, then read with pdftotext/pdfimages).
/// </summary>
public sealed class DocxReportTests
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    private static byte[] Chart() => Charts.Charts.Png(new ChartSpec("Teilnehmende", ChartKind.Column, ["Unternehmen", "Wissenschaft"],
        [new ChartSeries("Anzahl", [42, 7])], German), 640, 360);

    private static byte[] Sample(byte[] chart)
    {
        using var report = new DocxReport("Sachbericht Förderung", German, "Seite {0} von {1}");
        return report.Heading("Sachbericht Förderung")
            .Paragraph("Erste Zeile über Größenordnungen\nzweite Zeile mit Tab\tdanach\u0001.")
            .Heading("Teilnehmende nach Partnergruppe", level: 2)
            .Table(["Partnergruppe", "Teilnahmen"], [["Unternehmen", "1.234"], ["Äpfel, Öl & <Übermaß>", "7"]], widths: [3, 1], rightAligned: [1])
            .Image(chart, "Abbildung 1: Teilnehmende nach Partnergruppe")
            .PageBreak()
            .PageBreak()
            .Paragraph("Zweite Seite.", bold: true)
            .ToArray();
    }

    [Fact]
    public void The_OpenXml_SDK_reads_valid_headings_table_cells_image_and_page_number_fields()
    {
        var chart = Chart();
        var docx = Sample(chart);

        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        Assert.Empty(new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        var body = document.MainDocumentPart!.Document!.Body!;
        var paragraphs = body.Elements<Paragraph>().ToList();
        Assert.Equal("Heading1", paragraphs[0].ParagraphProperties?.ParagraphStyleId?.Val?.Value);
        Assert.Equal("Sachbericht Förderung", paragraphs[0].InnerText);
        // The line break is a <w:br/>, the tab a <w:tab/>, and the control character is gone.
        Assert.Single(paragraphs[1].Descendants<Break>());
        Assert.Single(paragraphs[1].Descendants<TabChar>());
        Assert.Equal("Erste Zeile über Größenordnungenzweite Zeile mit Tabdanach.", paragraphs[1].InnerText);

        var table = Assert.Single(body.Elements<Table>());
        var rows = table.Elements<TableRow>().ToList();
        Assert.Equal([["Partnergruppe", "Teilnahmen"], ["Unternehmen", "1.234"], ["Äpfel, Öl & <Übermaß>", "7"]],
            rows.Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToArray()).ToArray());
        Assert.NotNull(rows[0].TableRowProperties?.GetFirstChild<TableHeader>());
        Assert.Equal(JustificationValues.Right, rows[1].Elements<TableCell>().Last().Descendants<Justification>().Single().Val!.Value);

        var image = Assert.Single(document.MainDocumentPart.ImageParts);
        Assert.Equal("image/png", image.ContentType);
        using (var stream = image.GetStream())
        using (var copy = new MemoryStream())
        {
            stream.CopyTo(copy);
            Assert.Equal(chart, copy.ToArray());
        }

        var picture = Assert.Single(body.Descendants<DocumentFormat.OpenXml.Drawing.Wordprocessing.DocProperties>());
        Assert.Equal("Abbildung 1: Teilnehmende nach Partnergruppe", picture.Description!.Value);
        var extent = Assert.Single(body.Descendants<DocumentFormat.OpenXml.Drawing.Wordprocessing.Extent>());
        Assert.Equal(640.0 / 360, (double)extent.Cx!.Value / extent.Cy!.Value, 2);

        // Two page breaks in a row make one.
        Assert.Single(body.Descendants<Break>(), b => b.Type?.Value == BreakValues.Page);
        var footer = Assert.Single(document.MainDocumentPart.FooterParts).Footer!;
        Assert.Equal([" PAGE ", " NUMPAGES "], footer.Descendants<SimpleField>().Select(f => f.Instruction!.Value));
        Assert.StartsWith("Sachbericht FörderungSeite 1 von 1", footer.InnerText, StringComparison.Ordinal);
        Assert.Equal("Sachbericht Förderung", document.PackageProperties.Title);
        Assert.Equal("de-DE", document.PackageProperties.Language);
    }

    [Fact]
    public async Task Python_docx_reads_heading_styles_paragraphs_table_cells_and_one_inline_image()
    {
        var docx = Sample(Chart());
        var output = await WithFileAsync(docx, ".docx", path => RunAsync(File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3", "-c", """
            import sys, json, docx
            d = docx.Document(sys.argv[1])
            print(json.dumps({
                "paragraphs": [[p.style.name, p.text] for p in d.paragraphs if p.text],
                "cells": [[c.text for c in row.cells] for t in d.tables for row in t.rows],
                "images": [[s.width, s.height] for s in d.inline_shapes],
                "title": d.core_properties.title,
            }))
            """, path));
        using var json = JsonDocument.Parse(output);
        var paragraphs = json.RootElement.GetProperty("paragraphs").EnumerateArray().Select(p => (p[0].GetString(), p[1].GetString())).ToList();
        Assert.Contains(("Heading 1", "Sachbericht Förderung"), paragraphs);
        Assert.Contains(("Heading 2", "Teilnehmende nach Partnergruppe"), paragraphs);
        Assert.Contains(("Caption", "Abbildung 1: Teilnehmende nach Partnergruppe"), paragraphs);
        Assert.Contains(("Normal", "Zweite Seite."), paragraphs);
        Assert.Equal("Äpfel, Öl & <Übermaß>", json.RootElement.GetProperty("cells")[2][0].GetString());
        Assert.Equal("1.234", json.RootElement.GetProperty("cells")[1][1].GetString());
        var image = Assert.Single(json.RootElement.GetProperty("images").EnumerateArray());
        Assert.Equal(640.0 / 360, image[0].GetDouble() / image[1].GetDouble(), 2);
        Assert.Equal("Sachbericht Förderung", json.RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public async Task LibreOffice_opens_it_and_prints_two_pages_with_text_table_image_and_page_numbers()
    {
        var docx = Sample(Chart());
        var folder = Directory.CreateTempSubdirectory("alliance-docx-");
        try
        {
            var path = Path.Combine(folder.FullName, "bericht.docx");
            await File.WriteAllBytesAsync(path, docx);
            // Its own profile folder, so parallel conversions on the machine do not wait for each other's lock.
            await RunAsync("soffice", $"-env:UserInstallation=file://{folder.FullName}/profile", "--headless", "--convert-to", "pdf", "--outdir", folder.FullName, path);
            var pdf = Path.Combine(folder.FullName, "bericht.pdf");
            Assert.True(File.Exists(pdf), "LibreOffice wrote the PDF");

            var text = await RunAsync("pdftotext", "-enc", "UTF-8", "-layout", pdf, "-");
            Assert.Contains("Sachbericht Förderung", text, StringComparison.Ordinal);
            Assert.Contains("Äpfel, Öl & <Übermaß>", text, StringComparison.Ordinal);
            Assert.Contains("Abbildung 1: Teilnehmende nach Partnergruppe", text, StringComparison.Ordinal);
            Assert.Contains("Seite 1 von 2", text, StringComparison.Ordinal);
            Assert.Contains("Seite 2 von 2", text, StringComparison.Ordinal);
            Assert.Contains("Zweite Seite.", text.Split('\f')[1], StringComparison.Ordinal);
            var images = await RunAsync("pdfimages", "-list", pdf);
            Assert.Contains(images.Split('\n'), line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [_, _, "image", "640", "360", ..]);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_row_with_the_wrong_number_of_cells_or_an_unknown_image_format_is_refused()
    {
        using var report = new DocxReport("Fehler", German, "Seite {0} von {1}");
        Assert.Throws<ArgumentException>(() => report.Table(["A", "B"], [["nur eine Zelle"]]));
        Assert.Throws<ArgumentException>(() => report.Image("GIF89a"u8.ToArray()));
        Assert.Throws<ArgumentException>(() => report.Table(["A", "B"], [], widths: [1, 0]));
    }

    private static async Task<string> WithFileAsync(byte[] content, string extension, Func<string, Task<string>> action)
    {
        var path = Path.Combine(Path.GetTempPath(), $"alliance-docx-{Guid.NewGuid():N}{extension}");
        await File.WriteAllBytesAsync(path, content);
        try
        {
            return await action(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async Task<string> RunAsync(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"{tool} failed: {await error}");
        return await output;
    }
}
