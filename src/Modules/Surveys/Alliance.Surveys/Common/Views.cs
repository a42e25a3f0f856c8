using System.Linq.Expressions;
using Alliance.Surveys.Domain;
using Alliance.Surveys.Persistence;

namespace Alliance.Surveys.Common;

/// <summary>A section as pages and the API show it.</summary>
internal sealed record SectionView(Guid Id, int Position, string TitleDe, string TitleEn, IReadOnlyList<QuestionView> Questions)
{
    public string Title(bool english) => english ? TitleEn : TitleDe;
}

/// <summary>A question with its options as pages and the API show it.</summary>
internal sealed record QuestionView(
    Guid Id,
    Guid SectionId,
    int Position,
    QuestionKind Kind,
    string TextDe,
    string TextEn,
    string? HelpDe,
    string? HelpEn,
    bool Required,
    bool AllowOther,
    int? ScaleMin,
    int? ScaleMax,
    string? ScaleMinLabelDe,
    string? ScaleMinLabelEn,
    string? ScaleMaxLabelDe,
    string? ScaleMaxLabelEn,
    decimal? NumberMin,
    decimal? NumberMax,
    Guid? ShowIfQuestionId,
    Guid? ShowIfOptionId,
    IReadOnlyList<OptionView> Options)
{
    public string Text(bool english) => english ? TextEn : TextDe;

    public string? Help(bool english) => english ? HelpEn : HelpDe;

    public string? ScaleMinLabel(bool english) => english ? ScaleMinLabelEn : ScaleMinLabelDe;

    public string? ScaleMaxLabel(bool english) => english ? ScaleMaxLabelEn : ScaleMaxLabelDe;

    /// <summary>The scale's steps (scale and matrix questions).</summary>
    public IEnumerable<int> ScaleSteps => ScaleMin is { } min && ScaleMax is { } max ? Enumerable.Range(min, max - min + 1) : [];
}

/// <summary>An option (choice or matrix row).</summary>
internal sealed record OptionView(Guid Id, int Position, string LabelDe, string LabelEn, OptionRole Role)
{
    public string Label(bool english) => english ? LabelEn : LabelDe;
}

internal static class ViewMapping
{
    /// <summary>
    /// <see cref="ToView"/> as a projection the database runs (a question with its options in order, one statement), for
    /// reads of single questions and sections that need not load the whole questionnaire.
    /// </summary>
    public static Expression<Func<Question, QuestionView>> QuestionProjection(SurveysDbContext db) => q => new QuestionView(
        q.Id, q.SectionId, q.Position, q.Kind, q.TextDe, q.TextEn, q.HelpDe, q.HelpEn, q.Required, q.AllowOther,
        q.ScaleMin, q.ScaleMax, q.ScaleMinLabelDe, q.ScaleMinLabelEn, q.ScaleMaxLabelDe, q.ScaleMaxLabelEn, q.NumberMin, q.NumberMax,
        q.ShowIfQuestionId, q.ShowIfOptionId,
        db.Options.Where(o => o.QuestionId == q.Id).OrderBy(o => o.Position).Select(o => new OptionView(o.Id, o.Position, o.LabelDe, o.LabelEn, o.Role)).ToList());

    public static IReadOnlyList<SectionView> ToViews(this SurveyDefinition definition) =>
        definition.Sections.Select(s => new SectionView(s.Section.Id, s.Section.Position, s.Section.TitleDe, s.Section.TitleEn,
            s.Questions.Select(ToView).ToList())).ToList();

    public static QuestionView ToView(QuestionDefinition d)
    {
        var q = d.Question;
        return new QuestionView(q.Id, q.SectionId, q.Position, q.Kind, q.TextDe, q.TextEn, q.HelpDe, q.HelpEn, q.Required, q.AllowOther,
            q.ScaleMin, q.ScaleMax, q.ScaleMinLabelDe, q.ScaleMinLabelEn, q.ScaleMaxLabelDe, q.ScaleMaxLabelEn, q.NumberMin, q.NumberMax,
            q.ShowIfQuestionId, q.ShowIfOptionId,
            d.Options.Select(o => new OptionView(o.Id, o.Position, o.LabelDe, o.LabelEn, o.Role)).ToList());
    }
}
