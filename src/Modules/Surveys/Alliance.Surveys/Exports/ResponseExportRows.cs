using System.Globalization;
using Alliance.Members.Contracts;
using Alliance.Shared.Errors;
using Alliance.Shared.Exports;
using Alliance.Surveys.Domain;
using Alliance.Surveys.Persistence;
using Alliance.Surveys.Resources;
using Alliance.Surveys.Results;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Alliance.Surveys.Exports;

/// <summary>
/// The raw responses of a survey as a table: one row per response, one column per question — a multiple-choice
/// question gets one 0/1 column per option, a matrix one column per row, a choice with "other" a column for its text.
/// Numbers stay numbers and dates dates; CSV and XLSX are written from the same columns.
/// </summary>
internal sealed class ResponseExportRows(SurveysDbContext db, IMediator mediator, IStringLocalizer<ResultsText> text)
{
    /// <summary>
    /// The survey's title (for the file name), the columns and the rows, to enumerate once while the file is written
    /// (404 for an unknown survey before any byte is sent).
    /// </summary>
    public async Task<(SurveyOutline Outline, IReadOnlyList<ExportColumn<object?[]>> Columns, RowSource<object?[]> Rows)> OpenAsync(
        Guid surveyId, CancellationToken ct)
    {
        var english = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        var outline = await SurveyOutlines.LoadAsync(db, surveyId, ct) ?? throw NotFoundException.For("Survey", surveyId);

        // Where each answer goes: a cell index per (question, option or row), or per question.
        var columns = new List<ExportColumn<object?[]>>();
        var byQuestion = new Dictionary<Guid, int>();
        var byOption = new Dictionary<(Guid, Guid), int>();
        var otherColumn = new Dictionary<Guid, int>();
        void Column(string header, double width = 16)
        {
            var index = columns.Count;
            columns.Add(new ExportColumn<object?[]>(header, row => row[index], width));
        }

        Column(text["Export_Response"], 10);
        Column(text["Export_SubmittedOn"], 12);
        if (!outline.Anonymous)
        {
            Column(text["Export_Organization"], 30);
        }

        Column(text["Breakdown_PartnerGroup"], 18);
        Column(text["Breakdown_Sector"], 18);
        Column(text["Breakdown_SizeClass"], 18);
        foreach (var question in outline.Questions)
        {
            var title = $"{question.Number}. {question.Text(english)}";
            switch (question.Kind)
            {
                case QuestionKind.MultipleChoice:
                    foreach (var option in question.Options)
                    {
                        byOption[(question.Id, option.Id)] = columns.Count;
                        Column($"{title}: {option.Label(english)}", 12);
                    }

                    break;
                case QuestionKind.Matrix:
                    foreach (var row in question.Rows)
                    {
                        byOption[(question.Id, row.Id)] = columns.Count;
                        Column($"{title}: {row.Label(english)}", 12);
                    }

                    break;
                default:
                    byQuestion[question.Id] = columns.Count;
                    Column(title, question.Kind is QuestionKind.LongText or QuestionKind.ShortText ? 40 : 16);
                    break;
            }

            if (question.IsChoice && question.AllowOther)
            {
                otherColumn[question.Id] = columns.Count;
                Column($"{title}: {text["Results_Other"]}", 24);
            }
        }

        var labels = outline.Questions.SelectMany(q => q.Options).ToDictionary(o => o.Id, o => o.Label(english));
        var names = outline.Anonymous ? [] : await NamesAsync(surveyId, ct);
        var unchosen = outline.Questions.Where(q => q.Kind == QuestionKind.MultipleChoice)
            .SelectMany(q => q.Options.Select(o => byOption[(q.Id, o.Id)])).ToList();
        var partnerGroups = new Dictionary<string, string>();
        var sizeClasses = new Dictionary<string, string>();

        // Each response with its answers, in response order: the rows are made while the file is written, one response
        // in memory at a time (issue 13: exports stream). A response without answers still gets its row.
        var records = from r in db.Responses.AsNoTracking()
                      where r.SurveyId == surveyId
                      from a in db.Answers.AsNoTracking().Where(a => a.ResponseId == r.Id).DefaultIfEmpty()
                      orderby r.SubmittedOn, r.Id
                      select new AnswerRecord(
                          r.Id, r.SubmittedOn, r.OrganizationId, r.PartnerGroup, r.Sector, r.SizeClass,
                          (Guid?)a!.QuestionId, a.OptionId, a.RowOptionId, a.ScaleValue, a.NumberValue, a.TextValue, a.DateValue);
        var number = 0;
        object?[] Row(IReadOnlyList<AnswerRecord> answers)
        {
            var response = answers[0];
            var row = new object?[columns.Count];
            var cell = 0;
            row[cell++] = ++number;
            row[cell++] = response.SubmittedOn;
            if (!outline.Anonymous)
            {
                row[cell++] = response.OrganizationId is { } org && names.TryGetValue(org, out var name) ? name : null;
            }

            row[cell++] = response.PartnerGroup is { } group
                ? partnerGroups.TryGetValue(group, out var groupLabel) ? groupLabel : partnerGroups[group] = text["PartnerGroup_" + group].Value
                : null;
            row[cell++] = response.Sector;
            row[cell] = response.SizeClass is { } size
                ? sizeClasses.TryGetValue(size, out var sizeLabel) ? sizeLabel : sizeClasses[size] = text["SizeClass_" + size].Value
                : null;
            foreach (var index in unchosen)
            {
                row[index] = 0;
            }

            foreach (var answer in answers)
            {
                if (answer.QuestionId is not { } question)
                {
                    continue;
                }

                if (answer.RowOptionId is { } matrixRow && byOption.TryGetValue((question, matrixRow), out var rowIndex))
                {
                    row[rowIndex] = answer.ScaleValue;
                }
                else if (answer.OptionId is { } option && byOption.TryGetValue((question, option), out var optionIndex))
                {
                    row[optionIndex] = 1;
                }
                else if (answer.OptionId is null && answer.TextValue is { } other && otherColumn.TryGetValue(question, out var otherIndex))
                {
                    row[otherIndex] = other;
                }
                else if (byQuestion.TryGetValue(question, out var index))
                {
                    row[index] = answer.OptionId is { } chosen ? labels.GetValueOrDefault(chosen)
                        : answer.ScaleValue ?? answer.NumberValue ?? (object?)answer.DateValue ?? answer.TextValue;
                }
            }

            return row;
        }

        return (outline, columns, RowSource<object?[]>.FromGroupedQuery(records, r => r.ResponseId, Row));
    }

    /// <summary>One answer of a response (or, for a response without answers, the response alone: its answer fields are null).</summary>
    private sealed record AnswerRecord(
        Guid ResponseId, DateOnly SubmittedOn, Guid? OrganizationId, string? PartnerGroup, string? Sector, string? SizeClass,
        Guid? QuestionId, Guid? OptionId, Guid? RowOptionId, int? ScaleValue, decimal? NumberValue, string? TextValue, DateOnly? DateValue);

    /// <summary>A file name from the survey's title: letters, digits and dashes only.</summary>
    public static string FileName(SurveyOutline outline, string suffix, string extension)
    {
        var slug = new string(outline.TitleDe.Select(c => char.IsLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
        while (slug.Contains("--", StringComparison.Ordinal))
        {
            slug = slug.Replace("--", "-", StringComparison.Ordinal);
        }

        return $"{(slug.Length > 60 ? slug[..60] : slug)}-{suffix}-wave-{outline.Wave}.{extension}";
    }

    /// <summary>The names of the organisations that answered (one ask to Members; bounded by the alliance's organisations, not by the answers).</summary>
    private async Task<Dictionary<Guid, string>> NamesAsync(Guid surveyId, CancellationToken ct)
    {
        var ids = await db.Responses.Where(r => r.SurveyId == surveyId && r.OrganizationId != null)
            .Select(r => r.OrganizationId!.Value).Distinct().ToListAsync(ct);
        return ids.Count == 0 ? [] : (await mediator.Send(new GetOrganizationsByIds(ids), ct)).ToDictionary(o => o.Id, o => o.Name);
    }
}
