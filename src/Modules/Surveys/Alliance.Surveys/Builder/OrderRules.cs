using Alliance.Shared.Errors;
using Alliance.Surveys.Persistence;
using Alliance.Surveys.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Alliance.Surveys.Builder;

/// <summary>A condition always points at an earlier question: a move that breaks this is refused (409, nothing stored).</summary>
internal static class OrderRules
{
    /// <summary>Checks the order as tracked (positions changed but not yet saved).</summary>
    public static async Task RequireConditionsBeforeAsync(SurveysDbContext db, Guid surveyId, IStringLocalizer<SurveysText> text, CancellationToken ct)
    {
        // Tracked entities carry the moved positions; the query brings them back with those values.
        var sections = (await db.Sections.Where(s => s.SurveyId == surveyId).ToListAsync(ct)).ToDictionary(s => s.Id, s => s.Position);
        var questions = await db.Questions.Where(q => q.SurveyId == surveyId).ToListAsync(ct);
        var order = questions.ToDictionary(q => q.Id, q => (sections[q.SectionId], q.Position));
        if (questions.Any(q => q.ShowIfQuestionId is { } source && order.TryGetValue(source, out var at) && at.CompareTo(order[q.Id]) >= 0))
        {
            throw new ConflictException(text["Question_MoveBreaksCondition"]);
        }
    }
}
