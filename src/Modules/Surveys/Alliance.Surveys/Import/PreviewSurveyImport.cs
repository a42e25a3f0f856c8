using Alliance.Shared.Contracts;
using Alliance.Surveys.Resources;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.Localization;

namespace Alliance.Surveys.Import;

/// <summary>
/// Reads an earlier survey's spreadsheet (XLSX or CSV) against a survey and shows what an import would store: the
/// columns with their targets (guessed from the headers when no mapping is given), how many rows are valid, and the
/// errors per row. Stores nothing (staff only).
/// </summary>
[AllowedFor(Who.Staff)]
internal sealed record PreviewSurveyImport(Guid SurveyId, string FileName, byte[] Content, IReadOnlyList<string?>? Mapping = null) : IRequest<ImportPreview>;

/// <summary>What an import of the file would do.</summary>
/// <param name="Columns">Each column's header, its target key (null: not imported) and the first values.</param>
/// <param name="Targets">What a column can be mapped to (key and label), for the mapping form.</param>
/// <param name="Errors">The first errors (at most <see cref="ImportPreview.ErrorsShown"/>), row by row.</param>
internal sealed record ImportPreview(
    Guid SurveyId,
    string SurveyTitle,
    IReadOnlyList<ImportColumn> Columns,
    IReadOnlyList<ImportTargetChoice> Targets,
    int Rows,
    int ValidRows,
    int Answers,
    IReadOnlyList<ImportError> Errors,
    int ErrorCount,
    bool HasPreviousWave)
{
    /// <summary>Errors listed at most.</summary>
    public const int ErrorsShown = 100;
}

/// <summary>A column of the file.</summary>
internal sealed record ImportColumn(int Index, string Header, string? Target, IReadOnlyList<string> Samples);

/// <summary>A target offered in the mapping form.</summary>
internal sealed record ImportTargetChoice(string Key, string Label);

internal sealed class PreviewSurveyImportValidator : AbstractValidator<PreviewSurveyImport>
{
    public PreviewSurveyImportValidator(IStringLocalizer<ResultsText> text) =>
        ImportFileRules.Apply(this, r => r.FileName, r => r.Content, r => r.Mapping, text);
}

internal sealed class PreviewSurveyImportHandler(ImportPlanner planner) : IRequestHandler<PreviewSurveyImport, ImportPreview>
{
    public async Task<ImportPreview> Handle(PreviewSurveyImport request, CancellationToken cancellationToken)
    {
        var plan = await planner.PlanAsync(request.SurveyId, request.FileName, request.Content, request.Mapping, cancellationToken);
        var english = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        var columns = plan.Table.Headers.Select((header, i) => new ImportColumn(i, header, plan.Mapping[i],
            plan.Table.Rows.Select(r => r.ElementAtOrDefault(i) ?? "").Where(v => v.Length > 0).Take(3).ToList())).ToList();
        var errors = plan.Rows.SelectMany(r => r.Errors).ToList();
        var valid = plan.Rows.Where(r => r.Errors.Count == 0).ToList();
        return new ImportPreview(plan.Outline.Id, plan.Outline.Title(english), columns,
            plan.Targets.Select(t => new ImportTargetChoice(t.Key, t.Label)).ToList(),
            plan.Rows.Count, valid.Count, valid.Sum(r => r.Answers.Count), errors.Take(ImportPreview.ErrorsShown).ToList(), errors.Count,
            plan.Outline.PreviousWaveId is not null);
    }
}
