using Alliance.Surveys.Results;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Surveys.Persistence;

/// <summary>
/// Pre-aggregated answers, kept with every write of responses so the results never read two million answer rows:
/// <list type="bullet">
/// <item><c>surveys.answer_tallies</c>: per question × option × matrix row × scale value × partner group × sector × size
/// class how many answers gave that value (<c>respondents = false</c>; texts count as the row without option and scale),
/// and per question × group how many responses answered at all (<c>respondents = true</c>, for multiple choice and
/// matrix).</item>
/// <item><c>surveys.response_tallies</c>: submitted responses per partner group × sector × size class (the total and
/// the groups' sizes).</item>
/// <item><c>surveys.value_buckets</c>: numbers and dates per question × breakdown × group (<c>breakdown</c> 'None' with
/// group '' for all responses, then 'PartnerGroup', 'Sector', 'SizeClass' with the response's value, '' when unknown)
/// × bucket: count, sum, smallest and largest number, earliest and latest date. A number's bucket
/// (<c>surveys.number_bucket</c>) is its order of magnitude and first two digits, so a group has at most ~90 buckets per
/// power of ten; dates have one bucket (0).</item>
/// <item><c>surveys.value_tallies</c>: per question × breakdown × group × bucket × number how many answers gave it: the
/// exact median is found from the buckets' running count and then read within its one bucket.</item>
/// </list>
/// The results sum these rows by whatever breakdown is asked; their cost grows with the distinct values (at most the
/// buckets plus the numbers of the median's bucket per group), not with the responses.
/// <para>
/// A response is stored pending (<c>responses.tallied = false</c>) and folded in afterwards, many at once, by
/// <see cref="FoldAsync"/> under the survey's tally lock: right after a submission commits
/// (<see cref="Results.TallyFolding"/>), by the minute sweep (after a crash), and by every reader of the tallies before
/// it reads — so the results always include every committed response, while concurrent submissions never queue on the
/// shared tally rows (each of which every respondent of a group would otherwise update, holding its lock to the
/// commit). A survey counted afresh (<see cref="RebuildAsync"/>) holds the same lock.
/// </para>
/// </summary>
internal static class AnswerTallies
{
    /// <summary>The key columns, in the order of the unique constraint (and of the locks an upsert takes).</summary>
    private const string Key = "survey_id, question_id, option_id, row_option_id, scale_value, respondents, partner_group, sector, size_class";

    /// <summary>The breakdowns numbers and dates are tallied by, with each one's group expression over the response <c>r</c>.</summary>
    private const string ValueGroups =
        $"(VALUES ('{nameof(Breakdown.None)}', ''), ('{nameof(Breakdown.PartnerGroup)}', coalesce(r.partner_group, '')), "
        + $"('{nameof(Breakdown.Sector)}', coalesce(r.sector, '')), ('{nameof(Breakdown.SizeClass)}', coalesce(r.size_class, '')))";

    /// <summary>
    /// Adds the responses that <paramref name="responseFilter"/> (a condition on <c>r</c>) selects and their answers: four
    /// statements, always these tables in this order and each in key order, so concurrent submissions lock shared rows
    /// in the same order and never deadlock. The responses' row (one per group, shared by every submission of that
    /// group) comes last, so it is held for the shortest time before the commit.
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

        INSERT INTO surveys.value_buckets AS t (survey_id, breakdown, question_id, grp, bucket, n, total, lowest, highest, earliest, latest)
        SELECT r.survey_id, g.breakdown, a.question_id, g.grp, coalesce(surveys.number_bucket(a.number_value), 0), count(*)::int,
               sum(a.number_value), min(a.number_value), max(a.number_value), min(a.date_value), max(a.date_value)
        FROM surveys.answers a JOIN surveys.responses r ON r.id = a.response_id
        CROSS JOIN LATERAL {ValueGroups} g(breakdown, grp)
        WHERE {responseFilter} AND (a.number_value IS NOT NULL OR a.date_value IS NOT NULL)
        GROUP BY 1, 2, 3, 4, 5
        ORDER BY 1, 2, 3, 4, 5
        ON CONFLICT (survey_id, breakdown, question_id, grp, bucket) DO UPDATE
        SET n = t.n + EXCLUDED.n, total = t.total + EXCLUDED.total, lowest = least(t.lowest, EXCLUDED.lowest),
            highest = greatest(t.highest, EXCLUDED.highest), earliest = least(t.earliest, EXCLUDED.earliest), latest = greatest(t.latest, EXCLUDED.latest);

        INSERT INTO surveys.value_tallies AS t (survey_id, breakdown, question_id, grp, bucket, number_value, n)
        SELECT r.survey_id, g.breakdown, a.question_id, g.grp, surveys.number_bucket(a.number_value), a.number_value, count(*)::int
        FROM surveys.answers a JOIN surveys.responses r ON r.id = a.response_id
        CROSS JOIN LATERAL {ValueGroups} g(breakdown, grp)
        WHERE {responseFilter} AND a.number_value IS NOT NULL
        GROUP BY 1, 2, 3, 4, 5, 6
        ORDER BY 1, 2, 3, 4, 5, 6
        ON CONFLICT (survey_id, breakdown, question_id, grp, bucket, number_value) DO UPDATE SET n = t.n + EXCLUDED.n;

        INSERT INTO surveys.response_tallies AS t (survey_id, partner_group, sector, size_class, n)
        SELECT r.survey_id, r.partner_group, r.sector, r.size_class, count(*)::int
        FROM surveys.responses r
        WHERE {responseFilter}
        GROUP BY 1, 2, 3, 4
        ORDER BY 1, 2, 3, 4
        ON CONFLICT (survey_id, partner_group, sector, size_class) DO UPDATE SET n = t.n + EXCLUDED.n;
        """;

    /// <summary>Responses folded in by one statement group at most: bounds one transaction after an import or a crash.</summary>
    public const int FoldBatch = 2_000;

    /// <summary>
    /// Takes the survey's tally lock (a transaction-level advisory lock, so it ends with the caller's transaction and
    /// serialises folds across hosts). Needs an open transaction.
    /// </summary>
    public static Task LockAsync(DbContext db, Guid surveyId, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(hashtextextended('surveys.tallies:' || {0}::text, 0))", [surveyId], ct);

    /// <summary>
    /// Counts the survey's pending responses into the tallies under the survey's tally lock: in the caller's transaction
    /// when one is open, else in transactions of at most <see cref="FoldBatch"/> responses each. Idempotent: a response
    /// is marked tallied in the transaction that counts it, so after a crash it is counted later or not at all — never twice.
    /// </summary>
    /// <returns>How many responses were folded in.</returns>
    public static async Task<int> FoldAsync(DbContext db, Guid surveyId, CancellationToken ct)
    {
        // Nothing pending (the usual case for a results read): one indexed look, no transaction, no lock. A response a
        // running fold has marked but not yet committed still reads as pending here, so the lock below waits for that fold.
        var pending = await db.Database.SqlQueryRaw<bool>(
            "SELECT EXISTS (SELECT 1 FROM surveys.responses WHERE survey_id = {0} AND NOT tallied) AS \"Value\"", surveyId).SingleAsync(ct);
        if (!pending)
        {
            return 0;
        }

        int batch, folded = 0;
        if (db.Database.CurrentTransaction is not null)
        {
            await LockAsync(db, surveyId, ct);
            do
            {
                folded += batch = await FoldBatchAsync(db, surveyId, ct);
            }
            while (batch == FoldBatch);
            return folded;
        }

        do
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await LockAsync(db, surveyId, ct);
            folded += batch = await FoldBatchAsync(db, surveyId, ct);
            await transaction.CommitAsync(ct);
        }
        while (batch == FoldBatch);
        return folded;
    }

    private static async Task<int> FoldBatchAsync(DbContext db, Guid surveyId, CancellationToken ct)
    {
        var ids = await db.Database.SqlQueryRaw<Guid>($$"""
            UPDATE surveys.responses SET tallied = true
            WHERE id IN (SELECT id FROM surveys.responses WHERE survey_id = {0} AND NOT tallied LIMIT {{FoldBatch}})
            RETURNING id AS "Value"
            """, surveyId).ToListAsync(ct);
        if (ids.Count > 0)
        {
            await db.Database.ExecuteSqlRawAsync(AddSql("r.id = ANY({0})"), [ids.ToArray()], ct);
        }

        return ids.Count;
    }

    /// <summary>
    /// Counts a survey's answers afresh (after responses were removed or changed their group), pending ones included.
    /// The caller holds the survey's tally lock (<see cref="LockAsync"/>) in its transaction.
    /// </summary>
    public static async Task RebuildAsync(DbContext db, Guid surveyId, CancellationToken ct)
    {
        await db.Database.ExecuteSqlRawAsync("""
            UPDATE surveys.responses SET tallied = true WHERE survey_id = {0} AND NOT tallied;
            DELETE FROM surveys.answer_tallies WHERE survey_id = {0};
            DELETE FROM surveys.value_buckets WHERE survey_id = {0};
            DELETE FROM surveys.value_tallies WHERE survey_id = {0};
            DELETE FROM surveys.response_tallies WHERE survey_id = {0};
            """, [surveyId], ct);
        await db.Database.ExecuteSqlRawAsync(AddSql("r.survey_id = {0}"), [surveyId], ct);
    }
}
