using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Alliance.Surveys.Persistence;
using Alliance.Surveys.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Alliance.Surveys.Tests;

/// <summary>
/// Importing an earlier survey from a spreadsheet: the preview maps columns by their headers and lists errors per
/// row while storing nothing; the import stores the valid rows as the wave before, which the results then compare.
/// </summary>
[Collection(SharedAlliance.Collection)]
public sealed class ImportTests(AllianceApp app)
{
    private const string Csv = """
        Abgeschickt am;Partnergruppe;1. Nutzen Sie ein Umweltmanagementsystem?;3. Wie zufrieden sind Sie?;2. Welche Mobilitätsmaßnahmen gibt es?: X;Bemerkung
        15.10.2025;Unternehmen;A;4;1;gut
        16.10.2025;Wissenschaft;B;2;0;
        17.10.2025;Mond;A;9;ja;
        31.02.2025;Unternehmen;C;3;vielleicht;
        ;;;;;
        18.10.2025;Company;B;5;x;
        19.10.2025;Unternehmen;A;3;1;
        20.10.2025;Wissenschaft;B;4;0;
        """;

    private static object Body(string fileName, string content, IReadOnlyList<string?>? mapping = null) =>
        new { fileName, content = Convert.ToBase64String(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(content)).ToArray()), mapping };

    private async Task<(int Surveys, int Responses)> CountsAsync() => await app.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<SurveysDbContext>();
        return (await db.Surveys.CountAsync(), await db.Responses.CountAsync());
    });

    [Fact]
    public async Task The_preview_maps_columns_by_header_lists_errors_per_row_and_stores_nothing()
    {
        var s = await ResultsScenario.CreateAsync(app, "Import Vorschau");
        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        var before = await CountsAsync();

        var response = await staff.PostAsJsonAsync($"/api/surveys/{s.SurveyId}/import/preview", Body("befragung-2025.csv", Csv));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var preview = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = preview.RootElement;
        var targets = root.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("target").ValueKind == JsonValueKind.Null ? null : c.GetProperty("target").GetString()).ToList();
        Assert.Equal(["submitted", "partner-group", $"q:{s.SingleId}", $"q:{s.ScaleId}"], targets.Take(4));
        Assert.StartsWith("o:", targets[4]);
        Assert.Null(targets[5]);
        Assert.Equal(7, root.GetProperty("rows").GetInt32());
        Assert.Equal(5, root.GetProperty("validRows").GetInt32());
        var errors = root.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString(), e.GetProperty("message").GetString())).ToList();
        Assert.Contains(errors, e => e.Item1 == 4 && e.Item2 == "Partnergruppe" && e.Item3!.Contains("Mond", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Item1 == 4 && e.Item2 == "3. Wie zufrieden sind Sie?" && e.Item3!.Contains("von 1 bis 5", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Item1 == 5 && e.Item2 == "Abgeschickt am");
        Assert.Contains(errors, e => e.Item1 == 5 && e.Item3!.Contains("vielleicht", StringComparison.Ordinal));

        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task The_import_stores_the_valid_rows_as_the_previous_wave_and_the_results_compare_with_it()
    {
        var s = await ResultsScenario.CreateAsync(app, "Import Welle");
        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        var mapping = new[] { "submitted", "partner-group", $"q:{s.SingleId}", $"q:{s.ScaleId}", "", "" };

        var response = await staff.PostAsJsonAsync($"/api/surveys/{s.SurveyId}/import", Body("befragung-2025.csv", Csv, mapping));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var wave = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("de-DE");
        var view = await app.SendAsync(new GetSurveyResults(s.SurveyId), await app.PrincipalAsync(DemoUsers.Staff));
        Assert.Equal(wave, view.PreviousWave!.SurveyId);
        // Rows 2, 3, 7, 8 and 9 are valid (row 6 is empty): A, B, B, A, B before (40 %, 60 %); A 50 %, B 25 % now.
        Assert.Equal(5, view.PreviousWave.Responses);
        var single = view.Questions.Single(q => q.QuestionId == s.SingleId);
        Assert.Equal([(40.0, 10.0), (60.0, -35.0)], single.Choices.Take(2).Select(c => (c.PreviousPercent!.Value, c.ChangePoints!.Value)));
        var imported = await app.SendAsync(new GetSurveyResults(wave), await app.PrincipalAsync(DemoUsers.Staff));
        Assert.Equal(new double[] { 4, 2, 5, 3, 4 }.Average(), imported.Questions.Single(q => q.Text == "Wie zufrieden sind Sie?").Summary!.Mean, 6);
        Assert.True(imported.Anonymous);

        // The survey now has a previous wave: a second import is refused and stores nothing.
        var before = await CountsAsync();
        var again = await staff.PostAsJsonAsync($"/api/surveys/{s.SurveyId}/import", Body("befragung-2025.csv", Csv, mapping));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task An_exported_workbook_maps_itself_onto_a_survey_with_the_same_questions()
    {
        var source = await ResultsScenario.CreateAsync(app, "Import Quelle");
        var target = await ResultsScenario.CreateAsync(app, "Import Ziel");
        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        var workbook = await staff.GetByteArrayAsync($"/api/surveys/{source.SurveyId}/responses.xlsx");

        var response = await staff.PostAsJsonAsync($"/api/surveys/{target.SurveyId}/import/preview",
            new { fileName = "export.xlsx", content = Convert.ToBase64String(workbook), mapping = (string?[]?)null });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var root = (await response.Content.ReadFromJsonAsync<JsonElement>());
        Assert.Equal(12, root.GetProperty("rows").GetInt32());
        Assert.Equal(12, root.GetProperty("validRows").GetInt32());
        var unmapped = root.GetProperty("columns").EnumerateArray().Where(c => c.GetProperty("target").ValueKind == JsonValueKind.Null)
            .Select(c => c.GetProperty("header").GetString()).ToList();
        Assert.Equal(["Antwort Nr.", "Organisation"], unmapped);
    }

    [Fact]
    public async Task Bad_files_and_mappings_are_400_and_other_roles_403()
    {
        var s = await ResultsScenario.CreateAsync(app, "Import schlecht");
        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        var garbage = await staff.PostAsJsonAsync($"/api/surveys/{s.SurveyId}/import/preview",
            new { fileName = "kaputt.xlsx", content = Convert.ToBase64String([1, 2, 3, 4]), mapping = (string?[]?)null });
        Assert.Equal(HttpStatusCode.BadRequest, garbage.StatusCode);
        Assert.Contains("Die Datei ließ sich nicht als XLSX oder CSV lesen.", await garbage.Content.ReadAsStringAsync());

        var type = await staff.PostAsJsonAsync($"/api/surveys/{s.SurveyId}/import/preview", Body("notizen.txt", Csv));
        Assert.Equal(HttpStatusCode.BadRequest, type.StatusCode);

        var twice = await staff.PostAsJsonAsync($"/api/surveys/{s.SurveyId}/import/preview",
            Body("b.csv", Csv, ["submitted", "submitted", "", "", "", ""]));
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);

        var unknown = await staff.PostAsJsonAsync($"/api/surveys/{s.SurveyId}/import", Body("b.csv", Csv, ["q:" + Guid.NewGuid(), "", "", "", "", ""]));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);

        using var representative = await app.SignedInAsync(DemoUsers.Representative);
        Assert.Equal(HttpStatusCode.Forbidden, (await representative.PostAsJsonAsync($"/api/surveys/{s.SurveyId}/import/preview", Body("b.csv", Csv))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await representative.PostAsJsonAsync($"/api/surveys/{s.SurveyId}/import", Body("b.csv", Csv, []))).StatusCode);
    }
}
