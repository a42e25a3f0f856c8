using System.Net;
using System.Text;
using CsvHelper;
using MiniExcelLibs;

namespace Alliance.Surveys.Tests;

/// <summary>
/// The raw responses (CSV and XLSX) and the results workbook, read back by readers we did not write: CsvHelper,
/// MiniExcel, openpyxl and exceljs. A formula-looking answer arrives as text; numbers and dates are typed.
/// </summary>
[Collection(SharedAlliance.Collection)]
public sealed class ExportTests(AllianceApp app)
{
    [Fact]
    public async Task The_csv_is_for_german_excel_with_one_row_per_response_and_a_neutralised_formula()
    {
        var s = await ResultsScenario.CreateAsync(app, "Export CSV");
        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        var response = await staff.GetAsync($"/api/surveys/{s.SurveyId}/responses.csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);

        var rows = new List<string[]>();
        using (var csv = CsvReader.Create(bytes, new CsvReaderOptions { HasHeader = false }))
        {
            while (csv.Read())
            {
                rows.Add(Enumerable.Range(0, csv.FieldCount).Select(csv.GetString).ToArray());
            }
        }

        Assert.Contains(";", Encoding.UTF8.GetString(bytes).Split('\n')[0]);
        Assert.Equal(13, rows.Count);
        var header = rows[0].ToList();
        var single = header.IndexOf("1. Nutzen Sie ein Umweltmanagementsystem?");
        var other = header.IndexOf("1. Nutzen Sie ein Umweltmanagementsystem?: Sonstiges");
        var x = header.IndexOf("2. Welche Mobilitätsmaßnahmen gibt es?: X");
        var number = header.IndexOf("4. Wie viele Beschäftigte?");
        var date = header.IndexOf("5. Seit wann?");
        var energy = header.IndexOf("6. Wie wichtig ist …: Energie");
        Assert.True(new[] { single, other, x, number, date, energy }.All(i => i > 0), string.Join(" | ", header));
        Assert.Equal(6, rows.Skip(1).Count(r => r[single] == "A"));
        Assert.Equal(8, rows.Skip(1).Count(r => r[x] == "1"));
        Assert.Equal(4, rows.Skip(1).Count(r => r[x] == "0"));
        Assert.Equal(12, rows.Skip(1).Count(r => r[energy] == "4"));
        Assert.Contains(rows, r => r[date] == "01.03.2019");
        Assert.Contains(rows, r => r[number] == "40");
        var formula = Assert.Single(rows.Skip(1), r => r[other].Length > 0)[other];
        Assert.False(formula.StartsWith('='), formula);
        Assert.EndsWith(ResultsScenario.FormulaText, formula);
    }

    [Fact]
    public async Task The_responses_workbook_has_typed_cells_and_the_formula_as_text_in_openpyxl_exceljs_and_miniexcel()
    {
        var s = await ResultsScenario.CreateAsync(app, "Export XLSX");
        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        var response = await staff.GetAsync($"/api/surveys/{s.SurveyId}/responses.xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var workbook = await response.Content.ReadAsByteArrayAsync();

        foreach (var (reader, cells, text, number, dateType) in new[]
        {
            ("openpyxl", await ExportReaders.OpenpyxlAsync(workbook), "s", "n", "d"),
            ("exceljs", await ExportReaders.ExceljsAsync(workbook), "String", "Number", "Date"),
        })
        {
            int Column(string header) => cells.Single(c => c.Row == 1 && c.Value == header).Column;
            var formula = Assert.Single(cells, c => c.Value == ResultsScenario.FormulaText);
            Assert.True(formula.Type == text, $"{reader}: the formula-looking answer is a {formula.Type} cell");
            Assert.DoesNotContain(cells, c => c.Type is "f" or "Formula");
            var numbers = cells.Where(c => c.Row > 1 && c.Column == Column("4. Wie viele Beschäftigte?")).ToList();
            Assert.Equal(["10", "20", "30", "40"], numbers.Select(c => c.Value).Order());
            Assert.All(numbers, c => Assert.Equal(number, c.Type));
            var dates = cells.Where(c => c.Row > 1 && c.Column == Column("5. Seit wann?")).ToList();
            Assert.Equal(["2019-03-01", "2024-06-15"], dates.Select(c => c.Value).Order());
            Assert.All(dates, c => Assert.Equal(dateType, c.Type));
            Assert.Equal(13, cells.Max(c => c.Row));
        }

        using var stream = new MemoryStream(workbook);
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(12, rows.Count);
        Assert.Equal(6, rows.Count(r => Equals(r["1. Nutzen Sie ein Umweltmanagementsystem?"], "A")));
    }

    [Fact]
    public async Task The_results_workbook_holds_the_figures_as_numbers()
    {
        var s = await ResultsScenario.CreateAsync(app, "Export Ergebnisse");
        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        var workbook = await staff.GetByteArrayAsync($"/api/surveys/{s.SurveyId}/results.xlsx?breakdown=SizeClass");
        var cells = await ExportReaders.OpenpyxlAsync(workbook);
        int Column(string header) => cells.Single(c => c.Row == 1 && c.Value == header).Column;
        var share = Column("Anteil (%)");
        var otherRow = cells.First(c => c.Value == "Sonstiges" && c.Column == Column("Antwort")).Row;
        var otherShare = cells.Single(c => c.Row == otherRow && c.Column == share);
        Assert.Equal(("n", "8.3"), (otherShare.Type, otherShare.Value));
        Assert.Contains(cells, c => c.Row == 1 && c.Value == "Mittel (50–249) (weniger als 5 Antworten)");
        var medium = Column("Mittel (50–249) (weniger als 5 Antworten)");
        Assert.DoesNotContain(cells, c => c.Row > 1 && c.Column == medium);
        Assert.Contains(await ExportReaders.ExceljsAsync(workbook), c => c.Value == "Sonstiges" && c.Type == "String");
    }

    [Fact]
    public async Task The_results_pdf_has_headings_numbered_charts_and_no_hidden_group_in_german_and_english()
    {
        var s = await ResultsScenario.CreateAsync(app, "Export PDF");
        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        var response = await staff.GetAsync($"/api/surveys/{s.SurveyId}/results.pdf?breakdown=SizeClass");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        var pdf = await response.Content.ReadAsByteArrayAsync();
        var text = Flat(await ExportReaders.PdfTextAsync(pdf));

        Assert.Contains("Ergebnisse: Export PDF", text);
        Assert.Contains("Aufgeschlüsselt nach: Größenklasse", text);
        Assert.Contains("1. Nutzen Sie ein Umweltmanagementsystem?", text);
        Assert.Contains("6. Wie wichtig ist …", text);
        Assert.Contains("Abbildung 1: Frage 1: Anteile in %", text);
        Assert.Contains("Abbildung 2: Frage 1: Anteile in % je Gruppe (Größenklasse)", text);
        Assert.Contains("Gruppen mit weniger als 5 Antworten fehlen im Diagramm.", text);
        Assert.Contains("weniger als 5 Antworten", text);
        Assert.Contains("Rücklaufquote", text);
        Assert.Contains("Seite 1 von", text);
        // Not anonymous: the "other" text is listed, as text, never as a formula a reader could run.
        Assert.Contains("=HYPERLINK", text);
        // Charts: single, multiple, yes/no and scale (each overall and per group), number ranges, matrix.
        var images = await ExportReaders.PdfImagesAsync(pdf);
        Assert.Equal(10, images.Count);
        Assert.All(images, i => Assert.Equal((1440, 800), i));

        await staff.GetAsync("/culture/en?returnUrl=/");
        var english = Flat(await ExportReaders.PdfTextAsync(await staff.GetByteArrayAsync($"/api/surveys/{s.SurveyId}/results.pdf")));
        Assert.Contains("Results: Export PDF (en)", english);
        Assert.Contains("Figure 1: Question 1: shares in %", english);
        Assert.Contains("1. Nutzen Sie ein Umweltmanagementsystem? (en)", english);
        Assert.Contains("Page 1 of", english);
        Assert.DoesNotContain("Abbildung", english);

        Assert.Equal(HttpStatusCode.BadRequest, (await staff.GetAsync($"/api/surveys/{s.SurveyId}/results.pdf?breakdown=Shoe")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/api/surveys/{Guid.NewGuid()}/results.pdf")).StatusCode);
    }

    /// <summary>pdftotext's layout spreads words with several blanks and breaks long lines; one blank between words is enough to compare.</summary>
    private static string Flat(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ");
}
