using Alliance.Surveys.Domain;
using Alliance.Surveys.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Surveys.Common;

/// <summary>A survey's questionnaire in order: sections, their questions, each question's options.</summary>
internal sealed record SurveyDefinition(Survey Survey, IReadOnlyList<SectionDefinition> Sections)
{
    /// <summary>Every question in the order respondents see them.</summary>
    public IEnumerable<QuestionDefinition> Questions => Sections.SelectMany(s => s.Questions);

    /// <summary>The question, or null when it is not part of this survey.</summary>
    public QuestionDefinition? Find(Guid questionId) => Questions.FirstOrDefault(q => q.Question.Id == questionId);

    /// <summary>Loads the questionnaire with three queries (no N+1).</summary>
    public static async Task<SurveyDefinition> LoadAsync(SurveysDbContext db, Survey survey, CancellationToken ct)
    {
        var sections = await db.Sections.AsNoTracking().Where(s => s.SurveyId == survey.Id).OrderBy(s => s.Position).ToListAsync(ct);
        var questions = await db.Questions.AsNoTracking().Where(q => q.SurveyId == survey.Id).OrderBy(q => q.Position).ToListAsync(ct);
        var options = await db.Options.AsNoTracking().Where(o => db.Questions.Any(q => q.Id == o.QuestionId && q.SurveyId == survey.Id))
            .OrderBy(o => o.Position).ToListAsync(ct);
        var optionsByQuestion = options.ToLookup(o => o.QuestionId);
        var questionsBySection = questions.ToLookup(q => q.SectionId);
        return new SurveyDefinition(survey, sections
            .Select(s => new SectionDefinition(s, questionsBySection[s.Id]
                .Select(q => new QuestionDefinition(q, optionsByQuestion[q.Id].ToList()))
                .ToList()))
            .ToList());
    }
}

/// <summary>A section with its questions in order.</summary>
internal sealed record SectionDefinition(Section Section, IReadOnlyList<QuestionDefinition> Questions);

/// <summary>A question with its options in order (choices, or a matrix's rows).</summary>
internal sealed record QuestionDefinition(Question Question, IReadOnlyList<Option> Options)
{
    /// <summary>Whether the question's answer is one or more of its options (so it may be a condition).</summary>
    public bool IsChoice => Question.Kind is QuestionKind.SingleChoice or QuestionKind.MultipleChoice or QuestionKind.YesNo;
}
