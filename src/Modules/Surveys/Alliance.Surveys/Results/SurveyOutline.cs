using Alliance.Surveys.Domain;
using Alliance.Surveys.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Surveys.Results;

/// <summary>What the results need to know about a survey's questions, in the order respondents see them.</summary>
internal sealed record SurveyOutline(
    Guid Id,
    string TitleDe,
    string? TitleEn,
    int Wave,
    bool Anonymous,
    Guid? PreviousWaveId,
    int MinGroupSize,
    IReadOnlyList<OutlineQuestion> Questions)
{
    /// <summary>The title in the reader's language (German when there is no English one).</summary>
    public string Title(bool english) => english && !string.IsNullOrWhiteSpace(TitleEn) ? TitleEn : TitleDe;
}

/// <summary>A question with its options (choices) and matrix rows.</summary>
internal sealed record OutlineQuestion(
    Guid Id,
    int Number,
    QuestionKind Kind,
    string TextDe,
    string? TextEn,
    int ScaleMin,
    int ScaleMax,
    bool AllowOther,
    decimal? NumberMin,
    decimal? NumberMax,
    IReadOnlyList<OutlineOption> Options,
    IReadOnlyList<OutlineOption> Rows)
{
    /// <summary>The text in the reader's language.</summary>
    public string Text(bool english) => english && !string.IsNullOrWhiteSpace(TextEn) ? TextEn : TextDe;

    /// <summary>Questions that store several answers per response (one per chosen option, one per matrix row).</summary>
    public bool HasSeveralAnswers => Kind is QuestionKind.MultipleChoice or QuestionKind.Matrix;

    /// <summary>Choice questions, whose answers may carry an "other" text.</summary>
    public bool IsChoice => Kind is QuestionKind.SingleChoice or QuestionKind.MultipleChoice;
}

/// <summary>An option or matrix row.</summary>
internal sealed record OutlineOption(Guid Id, int Position, string LabelDe, string? LabelEn)
{
    /// <summary>The label in the reader's language.</summary>
    public string Label(bool english) => english && !string.IsNullOrWhiteSpace(LabelEn) ? LabelEn : LabelDe;
}

/// <summary>Reads a survey's outline (three small queries: the survey, its questions in order, their options).</summary>
internal static class SurveyOutlines
{
    /// <summary>The outline, or null when there is no such survey.</summary>
    public static async Task<SurveyOutline?> LoadAsync(SurveysDbContext db, Guid surveyId, CancellationToken ct)
    {
        var survey = await db.Surveys.AsNoTracking().FirstOrDefaultAsync(s => s.Id == surveyId, ct);
        if (survey is null)
        {
            return null;
        }

        var questions = await (from q in db.Questions.AsNoTracking()
                               join s in db.Sections on q.SectionId equals s.Id
                               where q.SurveyId == surveyId
                               orderby s.Position, q.Position
                               select q).ToListAsync(ct);
        var ids = questions.Select(q => q.Id).ToList();
        var options = (await db.Options.AsNoTracking().Where(o => ids.Contains(o.QuestionId)).OrderBy(o => o.Position).ToListAsync(ct))
            .ToLookup(o => o.QuestionId);
        var outline = questions.Select((q, i) => new OutlineQuestion(q.Id, i + 1, q.Kind, q.TextDe, q.TextEn, q.ScaleMin ?? 1, q.ScaleMax ?? 5, q.AllowOther, q.NumberMin, q.NumberMax,
            options[q.Id].Where(o => o.Role == OptionRole.Choice).Select(o => new OutlineOption(o.Id, o.Position, o.LabelDe, o.LabelEn)).ToList(),
            options[q.Id].Where(o => o.Role == OptionRole.MatrixRow).Select(o => new OutlineOption(o.Id, o.Position, o.LabelDe, o.LabelEn)).ToList()))
            .ToList();
        return new SurveyOutline(survey.Id, survey.TitleDe, survey.TitleEn, survey.Wave, survey.Anonymous, survey.PreviousWaveId, survey.MinGroupSize, outline);
    }
}
