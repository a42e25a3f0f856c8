using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Alliance.Funding.Domain;
using Alliance.Funding.Reports;
using Alliance.Funding.Spending;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Alliance.Funding.Tests;

/// <summary>
/// Exports for the funder (numerical proof as XLSX and as CSV files in a ZIP) written by the background job, read back
/// by openpyxl and MiniExcel and checked against the database's sums; only administrators export; documents attached
/// to an application.
/// </summary>
[Collection(SharedAlliance.Collection)]
public sealed class FunderExportsTests(AllianceApp app)
{
    /// <summary>A running project with expenses in two categories and both years and two drawdowns.</summary>
    private async Task<Guid> ProjectWithSpendingAsync()
    {
        var staff = await app.StaffAsync();
        var id = await app.DraftWithBudgetAsync();
        await app.RunAsync(id);
        var start = FundingTestData.Start;
        await app.SendAsync(new RecordExpense(id, start.AddDays(40), "Staff", 25_000m, "Gehalt Koordination", "B-2", null), staff);
        await app.SendAsync(new RecordExpense(id, start.AddDays(10), "Staff", 30_000.10m, "=Gehalt Projektleitung", "B-1", "Stadt"), staff);
        await app.SendAsync(new RecordExpense(id, start.AddDays(20), "Material", 12_500m, "Messestand", "B-3", "Messebau GmbH"), staff);
        await app.SendAsync(new RecordExpense(id, start.AddYears(1).AddDays(5), "Staff", 1_234.56m, "Gehalt Januar", "B-4", "Stadt"), staff);
        await app.SendAsync(new RecordDrawdown(id, start, 50_000m), staff);
        await app.SendAsync(new RecordDrawdown(id, start.AddDays(60), 10_000.50m), staff);
        return id;
    }

    /// <summary>Starts an export as the administrator, waits for the job and downloads the file.</summary>
    private async Task<(JsonElement Export, HttpResponseMessage File)> ExportAsync(HttpClient admin, Guid id, string kind, string language, Guid? reportId = null)
    {
        var started = await admin.PostAsJsonAsync($"/api/funding/applications/{id}/exports", new { Kind = kind, Language = language, ReportId = reportId });
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var location = started.Headers.Location!.ToString();
        var export = await Eventually.Until(async () => await admin.GetFromJsonAsync<JsonElement>(location),
            e => e.GetProperty("state").GetString() is "Done" or "Failed", TimeSpan.FromSeconds(60), "the export job");
        Assert.Equal("Done", export.GetProperty("state").GetString());
        Assert.Equal(100, export.GetProperty("progress").GetInt32());
        var file = await admin.GetAsync(location + "/file");
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        return (export, file);
    }

    private static decimal Number(string value) => decimal.Parse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Numerical_proof_xlsx_is_written_by_the_job_typed_and_equal_to_the_database_sums()
    {
        var id = await ProjectWithSpendingAsync();
        var admin = await app.SignedInAsync(DemoUsers.Administrator);

        var (export, file) = await ExportAsync(admin, id, "NumericalProofXlsx", "de");

        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file.Content.Headers.ContentType!.MediaType);
        var fileName = export.GetProperty("fileName").GetString()!;
        Assert.StartsWith("Zahlenmaessiger-Nachweis-Wirtschaftsallianz-2-0-", fileName);
        Assert.Equal(fileName, file.Content.Headers.ContentDisposition!.FileNameStar ?? file.Content.Headers.ContentDisposition.FileName?.Trim('"'));
        var bytes = await file.Content.ReadAsByteArrayAsync();
        var cells = await FileReaders.OpenpyxlAsync(bytes);
        string At(string sheet, int row, int column) => cells.Single(c => c.Sheet == sheet && c.Row == row && c.Column == column).Value;
        FileReaders.Cell CellAt(string sheet, int row, int column) => cells.Single(c => c.Sheet == sheet && c.Row == row && c.Column == column);

        Assert.Equal(["Soll-Ist", "Mittelabrufe", "Belegliste"], cells.Select(c => c.Sheet).Distinct());
        Assert.Equal(["Jahr", "Kostenart", "Soll (EUR)", "Ist (EUR)", "Restmittel (EUR)", "Ausschöpfung (%)"], cells.Where(c => c.Sheet == "Soll-Ist" && c.Row == 1).Select(c => c.Value));

        // Budget vs actual: one row per year × category (the call's order), typed amounts with two decimals, then the total.
        var year = FundingTestData.Start.Year;
        var budget = await app.FundingDbAsync(db => BudgetVsActual.ForAsync(db, id, CancellationToken.None));
        var dbTotal = await app.FundingDbAsync(db => db.Expenses.Where(e => e.ApplicationId == id).SumAsync(e => e.Amount));
        Assert.Equal([$"{year}", "Personal"], Enumerable.Range(1, 2).Select(c => At("Soll-Ist", 2, c)));
        Assert.Equal([50_000m, 55_000.10m, -5_000.10m, 110m], Enumerable.Range(3, 4).Select(c => Number(At("Soll-Ist", 2, c))));
        Assert.Equal("n", CellAt("Soll-Ist", 2, 4).Type);
        Assert.Equal("#,##0.00", CellAt("Soll-Ist", 2, 4).Format);
        Assert.Equal([$"{year}", "Sachausgaben"], Enumerable.Range(1, 2).Select(c => At("Soll-Ist", 3, c)));
        Assert.Equal([10_000.55m, 12_500m, -2_499.45m], Enumerable.Range(3, 3).Select(c => Number(At("Soll-Ist", 3, c))));
        var totalRow = budget.Count + 2;
        Assert.Equal("Gesamt", At("Soll-Ist", totalRow, 2));
        Assert.Equal(dbTotal, Number(At("Soll-Ist", totalRow, 4)));
        Assert.Equal(68_734.66m, dbTotal);
        Assert.Equal(budget.Sum(b => b.Budget) - dbTotal, Number(At("Soll-Ist", totalRow, 5)));

        // Drawdowns: typed dates, running total drawn.
        Assert.Equal("d", CellAt("Mittelabrufe", 2, 1).Type);
        Assert.Equal(FundingTestData.Start.ToString("yyyy-MM-dd"), At("Mittelabrufe", 2, 1));
        Assert.Equal("dd.mm.yyyy", CellAt("Mittelabrufe", 2, 1).Format);
        Assert.Equal(60_000.50m, Number(At("Mittelabrufe", 3, 3)));

        // Receipt list: per category in date order with a running total; user text stays text (no formula).
        var receipts = cells.Where(c => c.Sheet == "Belegliste" && c.Row > 1).GroupBy(c => c.Row).Select(r => r.ToDictionary(c => c.Column, c => c.Value)).ToList();
        Assert.Equal(["B-1", "B-2", "B-4", "B-3"], receipts.Select(r => r[4]));
        Assert.Equal([30_000.10m, 55_000.10m, 56_234.66m, 12_500m], receipts.Select(r => Number(r[8])));
        Assert.Equal("=Gehalt Projektleitung", receipts[0][6]);
        Assert.Equal("s", CellAt("Belegliste", 2, 6).Type);
        Assert.Equal(dbTotal, receipts.Sum(r => Number(r[7])));

        // MiniExcel reads the same workbook.
        using var stream = new MemoryStream(bytes);
        var rows = stream.Query(useHeaderRow: true, sheetName: "Belegliste").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(dbTotal, rows.Sum(r => Convert.ToDecimal(r["Betrag (EUR)"], System.Globalization.CultureInfo.InvariantCulture)));

        // The audit record: who, when, which file; the staff page's list shows it too.
        var list = await (await app.SignedInAsync(DemoUsers.Staff)).GetFromJsonAsync<JsonElement>($"/api/funding/applications/{id}/exports");
        var recorded = list.GetProperty("exports").GetProperty("items").EnumerateArray().Single();
        Assert.Equal(fileName, recorded.GetProperty("fileName").GetString());
        Assert.False(string.IsNullOrEmpty(recorded.GetProperty("requestedByName").GetString()));
        Assert.False(list.GetProperty("canExport").GetBoolean());
    }

    [Fact]
    public async Task Numerical_proof_as_csv_files_in_a_zip_in_english()
    {
        var id = await ProjectWithSpendingAsync();
        var admin = await app.SignedInAsync(DemoUsers.Administrator);

        var (export, file) = await ExportAsync(admin, id, "NumericalProofCsv", "en");

        Assert.EndsWith("-csv.zip", export.GetProperty("fileName").GetString());
        Assert.StartsWith("Numerical-proof-", export.GetProperty("fileName").GetString());
        using var zip = new ZipArchive(new MemoryStream(await file.Content.ReadAsByteArrayAsync()));
        Assert.Equal(["Budget vs actual.csv", "Drawdowns.csv", "Receipt list.csv"], zip.Entries.Select(e => e.FullName));
        string Read(string name)
        {
            using var reader = new StreamReader(zip.GetEntry(name)!.Open(), new UTF8Encoding(false), detectEncodingFromByteOrderMarks: false);
            return reader.ReadToEnd();
        }

        var receipts = Read("Receipt list.csv").Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("\uFEFF", receipts[0]);
        Assert.Equal("\uFEFFCost category;Date;Year;Receipt reference;Payee;Description;Amount (EUR);Running total of the category (EUR)", receipts[0]);
        var start = FundingTestData.Start;
        var first = receipts[1].Split(';');
        Assert.Equal(["Staff", start.AddDays(10).ToString("d", Alliance.Shared.Localization.Cultures.Formatting("en")), $"{start.Year}", "B-1", "Stadt"], first[..5]);
        Assert.Contains("'=Gehalt Projektleitung", first[5]);
        Assert.Equal(["30000.10", "30000.10"], first[6..]);
        Assert.EndsWith(";1234.56;56234.66", receipts[3]);
        var dbTotal = await app.FundingDbAsync(db => db.Expenses.Where(e => e.ApplicationId == id).SumAsync(e => e.Amount));
        Assert.Equal(dbTotal, receipts.Skip(1).Sum(r => decimal.Parse(r.Split(';')[6], System.Globalization.CultureInfo.InvariantCulture)));
        var budget = Read("Budget vs actual.csv").Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal($";Total;100000.55;{dbTotal:0.00};{100_000.55m - dbTotal:0.00};68.7", budget[^1]);
    }

    [Fact]
    public async Task Only_administrators_export_and_download()
    {
        var id = await ProjectWithSpendingAsync();
        var staff = await app.SignedInAsync(DemoUsers.Staff);
        var representative = await app.SignedInAsync(DemoUsers.Representative);
        var before = await app.FundingDbAsync(db => db.Exports.CountAsync());

        var body = new { Kind = "NumericalProofXlsx", Language = "de" };
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsJsonAsync($"/api/funding/applications/{id}/exports", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await representative.PostAsJsonAsync($"/api/funding/applications/{id}/exports", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await representative.GetAsync($"/api/funding/applications/{id}/exports")).StatusCode);
        Assert.Equal(before, await app.FundingDbAsync(db => db.Exports.CountAsync()));

        var admin = await app.SignedInAsync(DemoUsers.Administrator);
        var (export, _) = await ExportAsync(admin, id, "NumericalProofXlsx", "de");
        var file = $"/api/funding/applications/{id}/exports/{export.GetProperty("id").GetGuid()}/file";
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync(file)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await representative.GetAsync(file)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/funding/applications/{id}/exports/{Guid.NewGuid()}/file")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync($"/api/funding/applications/{id}/exports", new { Kind = "NumericalProofXlsx", Language = "fr" })).StatusCode);
    }

    [Fact]
    public async Task Documents_are_uploaded_listed_downloaded_and_deleted_and_bad_files_are_refused()
    {
        var id = await app.DraftWithBudgetAsync();
        var staff = await app.SignedInAsync(DemoUsers.Staff);
        var representative = await app.SignedInAsync(DemoUsers.Representative);
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
        var url = $"/api/funding/applications/{id}/documents";

        // Refused: a program named .pdf, an unknown type, an empty and a too large file; a representative.
        var disguised = await staff.PostAsJsonAsync(url, new { Kind = "Proposal", FileName = "antrag.pdf", ContentBase64 = new byte[] { 0x4D, 0x5A, 0x90, 0x00 } });
        Assert.Equal(HttpStatusCode.BadRequest, disguised.StatusCode);
        Assert.Contains("content", FundingTestData.ErrorFields(await disguised.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.PostAsJsonAsync(url, new { Kind = "Proposal", FileName = "setup.exe", ContentBase64 = pdf })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.PostAsJsonAsync(url, new { Kind = "Proposal", FileName = "leer.pdf", ContentBase64 = Array.Empty<byte>() })).StatusCode);
        var large = new byte[ApplicationDocument.MaxFileBytes + 1];
        pdf.CopyTo(large, 0);
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.PostAsJsonAsync(url, new { Kind = "Proposal", FileName = "gross.pdf", ContentBase64 = large })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await representative.PostAsJsonAsync(url, new { Kind = "Proposal", FileName = "antrag.pdf", ContentBase64 = pdf })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await representative.GetAsync(url)).StatusCode);
        Assert.Equal(0, await app.FundingDbAsync(db => db.Documents.CountAsync(d => d.ApplicationId == id)));

        // Upload, list, download (always as a download), delete.
        var added = await staff.PostAsJsonAsync(url, new { Kind = "LetterOfIntent", FileName = @"C:\Briefe\Absichtserklärung Bäckerei.pdf", ContentBase64 = pdf });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var list = await staff.GetFromJsonAsync<JsonElement>(url);
        var document = list.GetProperty("documents").GetProperty("items").EnumerateArray().Single();
        Assert.Equal("Absichtserklärung Bäckerei.pdf", document.GetProperty("fileName").GetString());
        Assert.Equal("application/pdf", document.GetProperty("contentType").GetString());
        Assert.Equal("LetterOfIntent", document.GetProperty("kind").GetString());
        Assert.True(list.GetProperty("canManage").GetBoolean());
        var download = await staff.GetAsync(added.Headers.Location);
        Assert.Equal("application/octet-stream", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await representative.GetAsync(added.Headers.Location)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await staff.DeleteAsync(added.Headers.Location)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync(added.Headers.Location)).StatusCode);

        // The application page takes a scanned letter of 2 MB (above the 1 MiB of other forms, below the 5 MB of a document).
        var page = await staff.GetStringAsync($"/funding/applications/{id}");
        var scan = new byte[2 * 1024 * 1024];
        pdf.CopyTo(scan, 0);
        using var form = new MultipartFormDataContent
        {
            { new StringContent("application-document"), "_handler" },
            { new StringContent(System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value), "__RequestVerificationToken" },
            { new StringContent("LetterOfIntent"), "DocumentKind" },
            { new ByteArrayContent(scan), "DocumentFile", "Absichtserklärung Scan.pdf" },
        };
        var uploaded = await staff.PostAsync($"/funding/applications/{id}", form);
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        var stored = await app.FundingDbAsync(db => db.Documents.Where(d => d.ApplicationId == id).Select(d => new { d.FileName, d.SizeBytes }).SingleAsync());
        Assert.Equal(("Absichtserklärung Scan.pdf", scan.Length), (stored.FileName, stored.SizeBytes));
    }

    [Fact]
    public async Task Narrative_report_docx_and_pdf_carry_texts_figures_and_charts_and_open_in_libreoffice()
    {
        var staff = await app.StaffAsync();
        var admin = await app.SignedInAsync(DemoUsers.Administrator);
        var drafted = await app.FundingDbAsync(db => db.Reports.Where(r => r.SubmittedAt == null).Select(r => new { r.ReportingPeriodId, r.ApplicationId }).FirstAsync());
        var report = await app.SendAsync(new GetReport(drafted.ReportingPeriodId), staff);
        await app.SendAsync(new UpdateReportNarrative(report.Id, "Ziel: das Netzwerk der Bäckereien stärken", [.. report.Narrative.WorkDone.Select(w => new WorkPackageText(w.WorkPackageId, $"Arbeit im Paket {w.Number}"))],
            "Ergebnis: drei Pilotprojekte", "Keine Abweichungen", "Ausblick: zweite Förderphase", report.Version), staff);

        // A narrative report needs its report.
        var missing = await admin.PostAsJsonAsync($"/api/funding/applications/{drafted.ApplicationId}/exports", new { Kind = "NarrativeDocx", Language = "de" });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("reportid", FundingTestData.ErrorFields(await missing.Content.ReadAsStringAsync()));

        var (docxExport, docxFile) = await ExportAsync(admin, drafted.ApplicationId, "NarrativeDocx", "de", report.Id);
        Assert.EndsWith(".docx", docxExport.GetProperty("fileName").GetString());
        var docx = await docxFile.Content.ReadAsByteArrayAsync();
        var text = await FileReaders.DocxTextAsync(docx);
        Assert.Contains($"Sachbericht: {report.ApplicationTitle}", text);
        Assert.Contains("Ziel: das Netzwerk der Bäckereien stärken", text);
        Assert.Contains("Ausblick: zweite Förderphase", text);
        Assert.Contains($"Teilnahmen\t{report.Figures.Meetings!.Attendances.ToString("N0", Alliance.Shared.Localization.Cultures.Formatting("de"))}", text);
        Assert.Contains("Mittelverbrauch: Plan und Ausgaben je Kostenart", text);
        using (var zip = new ZipArchive(new MemoryStream(docx)))
        {
            // Participants by partner group, over time, and the budget burn.
            Assert.Equal(report.Figures.Meetings.Attendances > 0 ? 3 : 1, zip.Entries.Count(e => e.FullName.EndsWith(".png", StringComparison.OrdinalIgnoreCase)));
        }

        var converted = await FileReaders.PdfTextAsync(await FileReaders.LibreOfficePdfAsync(docx, ".docx"));
        Assert.Contains("Ziel: das Netzwerk der Bäckereien stärken", converted);

        var (pdfExport, pdfFile) = await ExportAsync(admin, drafted.ApplicationId, "NarrativePdf", "en", report.Id);
        Assert.StartsWith("Narrative-report-", pdfExport.GetProperty("fileName").GetString());
        Assert.Equal("application/pdf", pdfFile.Content.Headers.ContentType!.MediaType);
        var pdfText = await FileReaders.PdfTextAsync(await pdfFile.Content.ReadAsByteArrayAsync());
        Assert.Contains($"Narrative report: {report.ApplicationTitle}", pdfText);
        Assert.Contains("Goals", pdfText);
        Assert.Contains("Budget burn: budget and expenses per cost category", pdfText);
    }
}
