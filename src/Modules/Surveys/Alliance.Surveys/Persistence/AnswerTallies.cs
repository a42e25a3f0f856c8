using Microsoft.EntityFrameworkCore;

namespace Alliance.Surveys.Persistence;

/// <summary>
/// Pre-aggregated answer counts (table <c>surveys.answer_tallies</c>), kept with every write of responses so the
/// results never count two million answer rows: per question × option × matrix row × scale value × partner group ×
/// sector × size class how many answers gave that value (<c>respondents = false</c>), and per question × group how many
/// responses answered at all (<c>respondents = true</c>, for multiple choice and matrix). The results sum these few
/// thousand rows by whatever breakdown is asked. <see cref="SurveysDbContext"/> calls this in the transaction that
/// stores the responses, so tallies and answers never disagree. Numbers, dates and texts are read from the answers
/// themselves (through partial indexes): a median needs the values.
/// </summary>
internal static class AnswerTallies
{
    /// <summary>The key columns, in the order of the unique constraint (and of the locks an upsert takes).</summary>
    private const string Key = "survey_id, question_id, option_id, row_option_id, scale_value, respondents, partner_group, sector, size_class";

    /// <summary>
    /// Adds the answers of the responses that <paramref name="responseFilter"/> (a condition on <c>r</c>) selects. In key
    /// order, so concurrent submissions lock shared rows in the same order and never deadlock.
    /// </summary>
    internal static string AddSql(string responseFilter) => $"""
        INSERT INTO surveys.answer_tallies AS t ({Key}, n)
        SELECT r.survey_id, a.question_id, a.option_id, a.row_option_id, a.scale_value, false, r.partner_group, r.sector, r.size_class, count(*)::int
        FROM surveys.answers a JOIN surveys.responses r ON r.id = a.response_id
        WHERE {responseFilter} AND (a.option_id IS NOT NULL OR a.scale_value IS NOT NULL OR a.text_value IS NOT NULL)
        GROUP BY 1, 2, 3, 4, 5, 7, 8, 9
        UNION ALL
        SELECT r.survey_id, d.question_id, NULL, NULL, NULL, true, r.partner_group, r.sector, r.size_class, count(*)::int
        FROM (SELECT DISTINCT a.question_id, a.response_id FROM surveys.answers a JOIN surveys.responses r ON r.id = a.response_id WHERE {responseFilter}) d
        JOIN surveys.responses r ON r.id = d.response_id
        GROUP BY 1, 2, 7, 8, 9
        ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9
        ON CONFLICT ({Key}) DO UPDATE SET n = t.n + EXCLUDED.n;
        """;

    /// <summary>Counts the answers of newly stored responses in.</summary>
    public static Task AddAsync(DbContext db, IReadOnlyCollection<Guid> responseIds, CancellationToken ct) =>
        responseIds.Count == 0 ? Task.CompletedTask : db.Database.ExecuteSqlRawAsync(AddSql("r.id = ANY({0})"), [responseIds.ToArray()], ct);

    /// <summary>Counts a survey's answers afresh (after responses were removed or changed their group).</summary>
    public static async Task RebuildAsync(DbContext db, Guid surveyId, CancellationToken ct)
    {
        await db.Database.ExecuteSqlRawAsync("DELETE FROM surveys.answer_tallies WHERE survey_id = {0}", [surveyId], ct);
        await db.Database.ExecuteSqlRawAsync(AddSql("r.survey_id = {0}"), [surveyId], ct);
    }
}
