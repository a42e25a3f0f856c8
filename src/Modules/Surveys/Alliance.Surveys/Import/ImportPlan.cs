using Alliance.Shared.Errors;
using Alliance.Surveys.Persistence;
using Alliance.Surveys.Resources;
using Alliance.Surveys.Results;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.Extensions.Localization;

namespace Alliance.Surveys.Import;

/// <summary>A read file with its mapping applied: the survey, the targets, the columns' targets and the parsed rows.</summary>
internal sealed record ImportPlan(SurveyOutline Outline, IReadOnlyList<ImportTarget> Targets, ImportTable Table,
    IReadOnlyList<string?> Mapping, IReadOnlyList<ImportedRow> Rows);

/// <summary>Reads an uploaded file against a survey: shared by the preview and the import, so both judge rows alike.</summary>
internal sealed class ImportPlanner(SurveysDbContext db, IStringLocalizer<ResultsText> text)
{
    /// <summary>
    /// The plan, or a 400 naming the field: an unreadable file (<c>Content</c>), a mapping to an unknown target or two
    /// columns on one target (<c>Mapping</c>). <paramref name="mapping"/> null maps columns whose header names a target.
    /// </summary>
    public async Task<ImportPlan> PlanAsync(Guid surveyId, string fileName, byte[] content, IReadOnlyList<string?>? mapping, CancellationToken ct)
    {
        var outline = await SurveyOutlines.LoadAsync(db, surveyId, ct) ?? throw NotFoundException.For("Survey", surveyId);
        var table = ImportTable.Read(fileName, content)
            ?? throw new ValidationException([new ValidationFailure("Content", text["Import_Unreadable"])]);
        if (table.Rows.Count > ImportTable.MaxRows)
        {
            throw new ValidationException([new ValidationFailure("Content", text["Import_TooManyRows", ImportTable.MaxRows])]);
        }

        var targets = ImportTargets.Of(outline, text);
        var keys = mapping is null
            ? ImportTargets.AutoMap(table.Headers, targets)
            : table.Headers.Select((_, i) => string.IsNullOrWhiteSpace(mapping.ElementAtOrDefault(i)) ? null : mapping[i]).ToList();
        var byKey = targets.ToDictionary(t => t.Key, StringComparer.Ordinal);
        var failures = new List<ValidationFailure>();
        foreach (var key in keys.Where(k => k is not null && !byKey.ContainsKey(k)).Distinct())
        {
            failures.Add(new ValidationFailure("Mapping", text["Import_UnknownTarget", key!]));
        }

        foreach (var twice in keys.Where(k => k is not null && byKey.ContainsKey(k)).GroupBy(k => k).Where(g => g.Count() > 1))
        {
            failures.Add(new ValidationFailure("Mapping", text["Import_MappedTwice", byKey[twice.Key!].Label]));
        }

        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }

        var columns = keys.Select(k => k is null ? null : byKey[k]).ToList();
        return new ImportPlan(outline, targets, table, keys, ImportRows.Read(table, columns, text));
    }
}

/// <summary>Rules on the uploaded file both requests share.</summary>
internal static class ImportFileRules
{
    /// <summary>A name ending in .xlsx or .csv, content not empty and at most <see cref="ImportTable.MaxFileBytes"/>, a mapping of at most <see cref="ImportTable.MaxColumns"/> columns.</summary>
    public static void Apply<T>(AbstractValidator<T> validator, Func<T, string> fileName, Func<T, byte[]> content, Func<T, IReadOnlyList<string?>?> mapping,
        IStringLocalizer<ResultsText> text)
    {
        validator.RuleFor(r => fileName(r)).NotEmpty().MaximumLength(255)
            .Must(n => n.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) || n.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
            .WithMessage(_ => text["Import_FileType"]).OverridePropertyName("FileName");
        validator.RuleFor(r => content(r)).NotEmpty().WithMessage(_ => text["Import_FileRequired"])
            .Must(c => c.Length <= ImportTable.MaxFileBytes).WithMessage(_ => text["Import_FileTooLarge", ImportTable.MaxFileBytes / 1024 / 1024])
            .OverridePropertyName("Content");
        validator.RuleFor(r => mapping(r)).Must(m => m is null || m.Count <= ImportTable.MaxColumns)
            .WithMessage(_ => text["Import_TooManyColumns", ImportTable.MaxColumns]).OverridePropertyName("Mapping");
    }
}
