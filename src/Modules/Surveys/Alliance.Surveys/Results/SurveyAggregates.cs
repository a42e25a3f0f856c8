using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Surveys.Results;

/// <summary>
/// The figures of one survey as PostgreSQL computes them: a handful of GROUP BY statements, sent in one round trip —
/// over the pre-aggregated <see cref="Persistence.AnswerTallies"/> for counts, over the answers (partial indexes) for
/// numbers, dates and texts. Answers never come into memory; what comes back is one row per question × option × group
/// (a few thousand at most), per number range and per listed text.
/// </summary>
internal sealed class SurveyAggregates
{
    /// <summary>Submitted responses per group key of the breakdown (null key: the property is not known).</summary>
    public Dictionary<string, int> GroupSizes { get; } = new(StringComparer.Ordinal);

    /// <summary>Submitted responses in all.</summary>
    public int Responses { get; private set; }

    /// <summary>Invitations sent (personal links).</summary>
    public int Invitations { get; private set; }

    /// <summary>How often each option, matrix row × scale value, scale value or "other"/text was given, per group and overall.</summary>
    public List<CountRow> Counts { get; } = [];

    /// <summary>Mean, median, range and dates per question (and matrix row), per group and overall.</summary>
    public List<StatRow> Stats { get; } = [];

    /// <summary>Respondents of multiple-choice and matrix questions (which store several answers per response).</summary>
    public List<RespondentRow> Respondents { get; } = [];

    /// <summary>Number questions' values counted in equal ranges between their smallest and largest value.</summary>
    public List<BinRow> Bins { get; } = [];

    /// <summary>The first texts of each question, with the total number of texts.</summary>
    public List<TextRow> Texts { get; } = [];

    /// <summary>Runs the statements for <paramref name="surveyId"/>, grouping by <paramref name="breakdown"/>.</summary>
    /// <param name="withTexts">False for a wave that is only compared (its texts are not shown).</param>
    public static async Task<SurveyAggregates> LoadAsync(DbContext db, Guid surveyId, Breakdown breakdown, bool withTexts,
        IReadOnlyCollection<Guid> questions, IReadOnlyCollection<Guid> severalAnswerQuestions, IReadOnlyCollection<Guid> choiceQuestions, CancellationToken cancellationToken)
    {
        var result = new SurveyAggregates();
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }

        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Sql(breakdown, withTexts);
            Add(command, "survey", surveyId);
            Add(command, "questions", questions.ToArray());
            Add(command, "several", severalAnswerQuestions.ToArray());
            Add(command, "choices", choiceQuestions.ToArray());
            Add(command, "texts", ResultsLimits.TextsShown);
            Add(command, "bins", ResultsLimits.NumberBins);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);

            while (await reader.ReadAsync(cancellationToken))
            {
                result.Responses = reader.GetInt32(0);
                result.Invitations = reader.GetInt32(1);
            }

            await reader.NextResultAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                result.GroupSizes[Key(reader, 0)] = reader.GetInt32(1);
            }

            await reader.NextResultAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var question = reader.GetGuid(1);
                var row = NullableGuid(reader, 3);
                var overallRow = reader.GetBoolean(5);
                var groupKey = overallRow ? "" : Key(reader, 6);
                if (reader.GetString(0) == "n")
                {
                    result.Counts.Add(new CountRow(question, NullableGuid(reader, 2), row, reader.IsDBNull(4) ? null : reader.GetInt32(4), overallRow, groupKey, reader.GetInt32(7)));
                }
                else
                {
                    result.Stats.Add(new StatRow(question, row, overallRow, groupKey, reader.GetInt32(7), NullableDouble(reader, 8), NullableDouble(reader, 9),
                        NullableDouble(reader, 10), NullableDouble(reader, 11), null, null));
                }
            }

            await reader.NextResultAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var overallRow = reader.GetBoolean(1);
                result.Stats.Add(new StatRow(reader.GetGuid(0), null, overallRow, overallRow ? "" : Key(reader, 2), reader.GetInt32(3),
                    NullableDouble(reader, 4), NullableDouble(reader, 5), NullableDouble(reader, 6), NullableDouble(reader, 7),
                    reader.IsDBNull(8) ? null : reader.GetFieldValue<DateOnly>(8), reader.IsDBNull(9) ? null : reader.GetFieldValue<DateOnly>(9)));
            }

            await reader.NextResultAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                result.Respondents.Add(new RespondentRow(reader.GetGuid(0), reader.GetBoolean(1), reader.GetBoolean(1) ? "" : Key(reader, 2), reader.GetInt32(3)));
            }

            await reader.NextResultAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                result.Bins.Add(new BinRow(reader.GetGuid(0), reader.GetInt32(1), reader.GetDouble(2), reader.GetDouble(3), reader.GetInt32(4)));
            }

            if (withTexts)
            {
                await reader.NextResultAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    result.Texts.Add(new TextRow(reader.GetGuid(0), reader.GetString(1), NullableGuid(reader, 2), reader.GetBoolean(3), reader.GetInt32(4)));
                }
            }
        }
        finally
        {
            if (opened)
            {
                await db.Database.CloseConnectionAsync();
            }
        }

        return result;
    }

    /// <summary>
    /// The statements. <paramref name="group"/> is one of <see cref="BreakdownColumns"/>' fixed expressions. Only
    /// submitted responses count. GROUPING SETS give the overall figures and the groups' in the same pass.
    /// </summary>
    internal static string Sql(Breakdown breakdown, bool withTexts)
    {
        var group = BreakdownColumns.Of(breakdown);
        var none = breakdown == Breakdown.None;

        // The texts: how many per question, and the first ones in the index order of ix_answers_texts (no sort of all texts).
        var texts = withTexts ? """

            SELECT q.id, t.text_value, t.organization_id, q.id = ANY(@choices), c.total
            FROM unnest(@questions) AS q(id)
            CROSS JOIN LATERAL (SELECT count(*)::int AS total FROM surveys.answers a WHERE a.question_id = q.id AND a.text_value IS NOT NULL) c
            CROSS JOIN LATERAL (SELECT a.text_value, r.organization_id
                                FROM surveys.answers a JOIN surveys.responses r ON r.id = a.response_id
                                WHERE a.question_id = q.id AND a.text_value IS NOT NULL
                                ORDER BY a.id LIMIT @texts) t
            ORDER BY q.id;
            """ : "";

        // Counts and respondents come from the pre-aggregated tallies (a few thousand rows, summed by the breakdown's
        // column), the overall figures as the sum over the groups; scale statistics from the distribution
        // (mean = Σ v·n / Σ n, median from the running count). Numbers and dates need their values: partial index.
        return $"""
            SET LOCAL work_mem = '64MB';

            SELECT (SELECT count(*)::int FROM surveys.responses WHERE survey_id = @survey),
                   (SELECT count(*)::int FROM surveys.invitations WHERE survey_id = @survey);

            SELECT {group} AS grp, count(*)::int
            FROM surveys.responses r
            WHERE r.survey_id = @survey
            GROUP BY 1;

            WITH grouped AS MATERIALIZED (
                SELECT r.question_id, r.option_id, r.row_option_id, r.scale_value, {group} AS grp, sum(r.n)::int AS n
                FROM surveys.answer_tallies r
                WHERE r.survey_id = @survey AND NOT r.respondents
                GROUP BY 1, 2, 3, 4, 5),
            counts AS MATERIALIZED (
                SELECT question_id, option_id, row_option_id, scale_value, true AS overall, NULL::text AS grp, sum(n)::int AS n
                FROM grouped GROUP BY 1, 2, 3, 4
                {(none ? "" : "UNION ALL SELECT question_id, option_id, row_option_id, scale_value, false, grp, n FROM grouped")}),
            scale AS (
                SELECT question_id, row_option_id, overall, grp, scale_value AS v, n,
                       sum(n) OVER (PARTITION BY question_id, row_option_id, overall, grp ORDER BY scale_value) AS upto,
                       sum(n) OVER (PARTITION BY question_id, row_option_id, overall, grp) AS total
                FROM counts WHERE scale_value IS NOT NULL)
            SELECT 'n' AS what, question_id, option_id, row_option_id, scale_value, overall, grp, n,
                   NULL::float8 AS mean, NULL::float8 AS median, NULL::float8 AS lo, NULL::float8 AS hi
            FROM counts
            UNION ALL
            SELECT 's', question_id, NULL, row_option_id, NULL, overall, grp, total::int,
                   sum(v * n)::float8 / total,
                   (min(v) FILTER (WHERE upto >= (total + 1) / 2) + min(v) FILTER (WHERE upto >= total / 2 + 1)) / 2.0::float8,
                   min(v)::float8, max(v)::float8
            FROM scale
            GROUP BY question_id, row_option_id, overall, grp, total;

            SELECT a.question_id, {(none ? "true" : $"GROUPING({group}) = 1")}, {group}, count(*)::int,
                   avg(a.number_value)::float8,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY a.number_value),
                   min(a.number_value)::float8, max(a.number_value)::float8,
                   min(a.date_value), max(a.date_value)
            FROM {(none ? "surveys.answers a WHERE a.question_id = ANY(@questions)" : "surveys.answers a JOIN surveys.responses r ON r.id = a.response_id WHERE a.question_id = ANY(@questions)")}
              AND (a.number_value IS NOT NULL OR a.date_value IS NOT NULL)
            {(none ? "GROUP BY a.question_id" : $"GROUP BY GROUPING SETS ((a.question_id), (a.question_id, {group}))")};

            SELECT r.question_id, {(none ? "true" : $"GROUPING({group}) = 1")}, {group}, sum(r.n)::int
            FROM surveys.answer_tallies r
            WHERE r.survey_id = @survey AND r.respondents AND r.question_id = ANY(@several)
            {(none ? "GROUP BY r.question_id" : $"GROUP BY GROUPING SETS ((r.question_id), (r.question_id, {group}))")};

            WITH numbers AS (
                SELECT a.question_id, a.number_value::float8 AS v
                FROM surveys.answers a
                WHERE a.question_id = ANY(@questions) AND a.number_value IS NOT NULL),
            bounds AS (SELECT question_id, min(v) AS lo, max(v) AS hi FROM numbers GROUP BY question_id)
            SELECT n.question_id, least(width_bucket(n.v, b.lo, b.hi, @bins), @bins) AS bin, b.lo, b.hi, count(*)::int
            FROM numbers n JOIN bounds b ON b.question_id = n.question_id
            WHERE b.hi > b.lo
            GROUP BY n.question_id, 2, b.lo, b.hi;
            {texts}
            """;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static string Key(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? "" : reader.GetString(ordinal);

    private static Guid? NullableGuid(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetGuid(ordinal);

    private static double? NullableDouble(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetDouble(ordinal);
}

/// <summary>How often a value was given. <paramref name="Overall"/>: all responses (then <paramref name="Group"/> is "").</summary>
internal sealed record CountRow(Guid Question, Guid? Option, Guid? Row, int? Scale, bool Overall, string Group, int Count);

/// <summary>Numbers of a question (or matrix row) within a group or overall.</summary>
internal sealed record StatRow(Guid Question, Guid? Row, bool Overall, string Group, int Count, double? Mean, double? Median,
    double? Min, double? Max, DateOnly? Earliest, DateOnly? Latest);

/// <summary>Responses that gave at least one answer to a question.</summary>
internal sealed record RespondentRow(Guid Question, bool Overall, string Group, int Count);

/// <summary>Values of a number question in range <paramref name="Bin"/> (1-based) of equal ranges from <paramref name="Low"/> to <paramref name="High"/>.</summary>
internal sealed record BinRow(Guid Question, int Bin, double Low, double High, int Count);

/// <summary>A text answer with the responding organisation (null in anonymous surveys) and the number of texts of its question.</summary>
internal sealed record TextRow(Guid Question, string Text, Guid? Organization, bool IsOther, int Total);
