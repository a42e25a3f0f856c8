using System.Data.Common;
using Alliance.Surveys.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Surveys.Results;

/// <summary>
/// The figures of one survey as PostgreSQL computes them: a handful of statements, sent in one round trip, over the
/// pre-aggregated tallies only (<see cref="Persistence.AnswerTallies"/>: responses per group, counts per option and
/// scale value, numbers and dates in buckets) — their cost grows with options, groups and distinct numbers, not with
/// the responses. Answers are read only for the first texts of each question (index order, a limit). What comes back
/// is one row per question × option × group (a few thousand at most), per number range and per listed text.
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
        // Responses committed but not folded yet (a few, for milliseconds) are counted in first: results are always exact.
        await AnswerTallies.FoldAsync(db, surveyId, cancellationToken);
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
            Add(command, "breakdown", breakdown.ToString());
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
                    result.Texts.Add(new TextRow(reader.GetGuid(0), reader.GetString(1), NullableGuid(reader, 2), reader.GetBoolean(3)));
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
    /// The statements. <paramref name="breakdown"/> picks one of <see cref="BreakdownColumns"/>' fixed expressions and
    /// the tallies' rows of that breakdown (parameter <c>@breakdown</c>, the enum's name). Only submitted responses count.
    /// </summary>
    internal static string Sql(Breakdown breakdown, bool withTexts)
    {
        var group = BreakdownColumns.Of(breakdown);
        var none = breakdown == Breakdown.None;

        // The first texts of each question in the index order of ix_answers_texts (no sort of all texts); how many
        // there are is the count of the question's answers without option and scale value (AnswerTallies).
        var texts = withTexts ? """

            SELECT q.id, t.text_value, t.organization_id, q.id = ANY(@choices)
            FROM unnest(@questions) AS q(id)
            CROSS JOIN LATERAL (SELECT a.text_value, r.organization_id
                                FROM surveys.answers a JOIN surveys.responses r ON r.id = a.response_id
                                WHERE a.question_id = q.id AND a.text_value IS NOT NULL
                                ORDER BY a.id LIMIT @texts) t
            ORDER BY q.id;
            """ : "";

        // Responses, counts and respondents: the tallies summed by the breakdown's column, the overall figures as the
        // sum over the groups; scale statistics from the distribution (mean = Σ v·n / Σ n, median from the running
        // count). Numbers and dates: per group from value_buckets (count, Σ, smallest, largest); the median is the
        // value at rank ⌊(n+1)/2⌋ and ⌊n/2⌋+1 interpolated as percentile_cont(0.5) does — the buckets' running count
        // names the bucket and the rank within it, value_tallies gives that bucket's numbers in order. Ranges of
        // numbers: buckets that lie inside one range count whole, only those across a range's edge are read by value.
        return $"""
            SET LOCAL work_mem = '64MB';

            SELECT (SELECT coalesce(sum(n), 0)::int FROM surveys.response_tallies WHERE survey_id = @survey),
                   (SELECT count(*)::int FROM surveys.invitations WHERE survey_id = @survey);

            SELECT {group} AS grp, sum(r.n)::int
            FROM surveys.response_tallies r
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

            WITH buckets AS (
                SELECT breakdown, question_id, grp, bucket, n, total, lowest, highest, earliest, latest,
                       sum(n) OVER (PARTITION BY breakdown, question_id, grp ORDER BY bucket) AS upto,
                       sum(n) OVER (PARTITION BY breakdown, question_id, grp) AS count
                FROM surveys.value_buckets
                WHERE survey_id = @survey AND breakdown IN ('{nameof(Breakdown.None)}', @breakdown)),
            groups AS MATERIALIZED (
                SELECT breakdown, question_id, grp, count, sum(total) / count AS mean, min(lowest) AS lo, max(highest) AS hi,
                       min(earliest) AS earliest, max(latest) AS latest,
                       min(bucket) FILTER (WHERE upto >= (count + 1) / 2) AS lower_bucket,
                       (count + 1) / 2 - coalesce(max(upto) FILTER (WHERE upto < (count + 1) / 2), 0) AS lower_rank,
                       min(bucket) FILTER (WHERE upto >= count / 2 + 1) AS upper_bucket,
                       count / 2 + 1 - coalesce(max(upto) FILTER (WHERE upto < count / 2 + 1), 0) AS upper_rank
                FROM buckets
                GROUP BY breakdown, question_id, grp, count)
            SELECT g.question_id, g.breakdown = '{nameof(Breakdown.None)}', g.grp, g.count::int, g.mean::float8,
                   lower_median.v::float8 + 0.5 * (upper_median.v::float8 - lower_median.v::float8),
                   g.lo::float8, g.hi::float8, g.earliest, g.latest
            FROM groups g
            LEFT JOIN LATERAL (
                SELECT x.number_value AS v
                FROM (SELECT t.number_value, sum(t.n) OVER (ORDER BY t.number_value) AS upto
                      FROM surveys.value_tallies t
                      WHERE t.survey_id = @survey AND t.breakdown = g.breakdown AND t.question_id = g.question_id AND t.grp = g.grp
                        AND t.bucket = g.lower_bucket) x
                WHERE x.upto >= g.lower_rank
                ORDER BY x.number_value LIMIT 1) lower_median ON g.lo IS NOT NULL
            LEFT JOIN LATERAL (
                SELECT x.number_value AS v
                FROM (SELECT t.number_value, sum(t.n) OVER (ORDER BY t.number_value) AS upto
                      FROM surveys.value_tallies t
                      WHERE t.survey_id = @survey AND t.breakdown = g.breakdown AND t.question_id = g.question_id AND t.grp = g.grp
                        AND t.bucket = g.upper_bucket) x
                WHERE x.upto >= g.upper_rank
                ORDER BY x.number_value LIMIT 1) upper_median ON g.lo IS NOT NULL;

            SELECT r.question_id, {(none ? "true" : $"GROUPING({group}) = 1")}, {group}, sum(r.n)::int
            FROM surveys.answer_tallies r
            WHERE r.survey_id = @survey AND r.respondents AND r.question_id = ANY(@several)
            {(none ? "GROUP BY r.question_id" : $"GROUP BY GROUPING SETS ((r.question_id), (r.question_id, {group}))")};

            WITH bounds AS (
                SELECT question_id, min(lowest)::float8 AS lo, max(highest)::float8 AS hi
                FROM surveys.value_buckets
                WHERE survey_id = @survey AND breakdown = '{nameof(Breakdown.None)}' AND lowest IS NOT NULL
                GROUP BY question_id),
            buckets AS (
                SELECT b.question_id, b.lo, b.hi, v.bucket, v.n,
                       least(width_bucket(v.lowest::float8, b.lo, b.hi, @bins), @bins) AS first_bin,
                       least(width_bucket(v.highest::float8, b.lo, b.hi, @bins), @bins) AS last_bin
                FROM bounds b
                JOIN surveys.value_buckets v ON v.survey_id = @survey AND v.breakdown = '{nameof(Breakdown.None)}' AND v.question_id = b.question_id AND v.grp = ''
                WHERE b.hi > b.lo)
            SELECT question_id, bin, lo, hi, sum(n)::int
            FROM (SELECT question_id, first_bin AS bin, lo, hi, n FROM buckets WHERE first_bin = last_bin
                  UNION ALL
                  SELECT b.question_id, least(width_bucket(t.number_value::float8, b.lo, b.hi, @bins), @bins), b.lo, b.hi, t.n
                  FROM buckets b
                  JOIN surveys.value_tallies t ON t.survey_id = @survey AND t.breakdown = '{nameof(Breakdown.None)}' AND t.question_id = b.question_id
                                              AND t.grp = '' AND t.bucket = b.bucket
                  WHERE b.first_bin <> b.last_bin) x
            GROUP BY question_id, bin, lo, hi;
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

/// <summary>A text answer with the responding organisation (null in anonymous surveys).</summary>
internal sealed record TextRow(Guid Question, string Text, Guid? Organization, bool IsOther);
