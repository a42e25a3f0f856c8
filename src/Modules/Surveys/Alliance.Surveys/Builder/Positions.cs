using Alliance.Surveys.Domain;
using Alliance.Surveys.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Surveys.Builder;

/// <summary>Keeps positions 1, 2, 3 … without gaps after a delete.</summary>
internal static class Positions
{
    public static async Task CloseGapAsync(IQueryable<Section> after, CancellationToken ct)
    {
        foreach (var section in await after.ToListAsync(ct))
        {
            section.Position--;
        }
    }

    public static async Task CloseGapAsync(IQueryable<Question> after, CancellationToken ct)
    {
        foreach (var question in await after.ToListAsync(ct))
        {
            question.Position--;
        }
    }
}

/// <summary>Conditions that would point at something gone are dropped (the question is then always shown).</summary>
internal static class Conditions
{
    /// <summary>Drops every condition on one of these questions.</summary>
    public static async Task DropOnAsync(SurveysDbContext db, IReadOnlyCollection<Guid> questionIds, CancellationToken ct)
    {
        foreach (var dependent in await db.Questions.Where(q => q.ShowIfQuestionId != null && questionIds.Contains(q.ShowIfQuestionId.Value)).ToListAsync(ct))
        {
            dependent.ShowIfQuestionId = null;
            dependent.ShowIfOptionId = null;
        }
    }

    /// <summary>Drops every condition on one of these options.</summary>
    public static async Task DropOnOptionsAsync(SurveysDbContext db, IReadOnlyCollection<Guid> optionIds, CancellationToken ct)
    {
        foreach (var dependent in await db.Questions.Where(q => q.ShowIfOptionId != null && optionIds.Contains(q.ShowIfOptionId.Value)).ToListAsync(ct))
        {
            dependent.ShowIfQuestionId = null;
            dependent.ShowIfOptionId = null;
        }
    }
}
