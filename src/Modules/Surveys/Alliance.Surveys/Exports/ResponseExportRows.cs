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
    /// <summary>The survey's title (for the file name), the columns and the rows.</summary>
    public async Task<(SurveyOutline Outline, IReadOnlyList<ExportColumn<object?[]>> Columns, IReadOnlyList<object?[]> Rows)> LoadAsync(
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
        var responses = await db.Responses.AsNoTracking().Where(r => r.SurveyId == surveyId)
            .OrderBy(r => r.SubmittedOn).ThenBy(r => r.Id).ToListAsync(ct);
        var names = outline.Anonymous ? [] : await NamesAsync(responses, ct);
        var rows = new Dictionary<Guid, object?[]>(responses.Count);
        var unchosen = outline.Questions.Where(q => q.Kind == QuestionKind.MultipleChoice)
            .SelectMany(q => q.Options.Select(o => byOption[(q.Id, o.Id)])).ToList();
        var number = 0;
        foreach (var response in responses)
        {
            var row = new object?[columns.Count];
            var cell = 0;
            row[cell++] = ++number;
            row[cell++] = response.SubmittedOn;
            if (!outline.Anonymous)
            {
                row[cell++] = response.OrganizationId is { } org && names.TryGetValue(org, out var name) ? name : null;
            }

            row[cell++] = response.PartnerGroup is { } group ? text["PartnerGroup_" + group].Value : null;
            row[cell++] = response.Sector;
            row[cell] = response.SizeClass is { } size ? text["SizeClass_" + size].Value : null;
            foreach (var index in unchosen)
            {
                row[index] = 0;
            }

            rows[response.Id] = row;
        }

        // Answers stream in response order; each lands in its response's row.
        var answers = from a in db.Answers.AsNoTracking()
                      join r in db.Responses on a.ResponseId equals r.Id
                      where r.SurveyId == surveyId
                      select a;
        await foreach (var answer in answers.AsAsyncEnumerable().WithCancellation(ct))
        {
            if (!rows.TryGetValue(answer.ResponseId, out var row))
            {
                continue;
            }

            if (answer.RowOptionId is { } matrixRow && byOption.TryGetValue((answer.QuestionId, matrixRow), out var rowIndex))
            {
                row[rowIndex] = answer.ScaleValue;
            }
            else if (answer.OptionId is { } option && byOption.TryGetValue((answer.QuestionId, option), out var optionIndex))
            {
                row[optionIndex] = 1;
            }
            else if (answer.OptionId is null && answer.TextValue is { } other && otherColumn.TryGetValue(answer.QuestionId, out var otherIndex))
            {
                row[otherIndex] = other;
            }
            else if (byQuestion.TryGetValue(answer.QuestionId, out var index))
            {
                row[index] = answer.OptionId is { } chosen ? labels.GetValueOrDefault(chosen)
                    : answer.ScaleValue ?? answer.NumberValue ?? (object?)answer.DateValue ?? answer.TextValue;
            }
        }

        return (outline, columns, rows.Values.ToList());
    }

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

    private async Task<Dictionary<Guid, string>> NamesAsync(List<Response> responses, CancellationToken ct)
    {
        var ids = responses.Where(r => r.OrganizationId is not null).Select(r => r.OrganizationId!.Value).Distinct().ToList();
        return ids.Count == 0 ? [] : (await mediator.Send(new GetOrganizationsByIds(ids), ct)).ToDictionary(o => o.Id, o => o.Name);
    }
}
