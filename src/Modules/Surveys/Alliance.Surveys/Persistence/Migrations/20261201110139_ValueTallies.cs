using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Alliance.Surveys.Persistence.Migrations
{
    /// <summary>
    /// The rest of the results from tallies (<see cref="AnswerTallies"/>): responses per group
    /// (<c>response_tallies</c>), numbers and dates per question × breakdown × group × bucket (<c>value_buckets</c>) and
    /// numbers by value within their bucket (<c>value_tallies</c>), with the bucket function <c>surveys.number_bucket</c>
    /// (order of magnitude and first two digits: monotone, so buckets sort like their numbers). Filled from the
    /// responses and answers already stored — the statements as they were when this migration was written, so a fresh
    /// database gets exactly what this step made. The number and date index on the answers is no longer read.
    /// </summary>
    public partial class ValueTallies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION surveys.number_bucket(v numeric) RETURNS integer
                LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
                RETURN CASE WHEN v = 0 THEN 0
                            ELSE sign(v)::integer * ((floor(log(abs(v)::float8))::integer + 400) * 100
                                 + floor(abs(v)::float8 / 10::float8 ^ (floor(log(abs(v)::float8)) - 1))::integer) END;
                """);
            migrationBuilder.Sql("""
                CREATE TABLE surveys.response_tallies (
                    survey_id uuid NOT NULL REFERENCES surveys.surveys (id) ON DELETE CASCADE,
                    partner_group text NULL,
                    sector text NULL,
                    size_class text NULL,
                    n integer NOT NULL,
                    CONSTRAINT ux_response_tallies_key UNIQUE NULLS NOT DISTINCT (survey_id, partner_group, sector, size_class));

                CREATE TABLE surveys.value_buckets (
                    survey_id uuid NOT NULL REFERENCES surveys.surveys (id) ON DELETE CASCADE,
                    breakdown text NOT NULL,
                    question_id uuid NOT NULL,
                    grp text NOT NULL,
                    bucket integer NOT NULL,
                    n integer NOT NULL,
                    total numeric NULL,
                    lowest numeric NULL,
                    highest numeric NULL,
                    earliest date NULL,
                    latest date NULL,
                    CONSTRAINT pk_value_buckets PRIMARY KEY (survey_id, breakdown, question_id, grp, bucket));

                CREATE TABLE surveys.value_tallies (
                    survey_id uuid NOT NULL REFERENCES surveys.surveys (id) ON DELETE CASCADE,
                    breakdown text NOT NULL,
                    question_id uuid NOT NULL,
                    grp text NOT NULL,
                    bucket integer NOT NULL,
                    number_value numeric NOT NULL,
                    n integer NOT NULL,
                    CONSTRAINT pk_value_tallies PRIMARY KEY (survey_id, breakdown, question_id, grp, bucket, number_value));
                """);
            migrationBuilder.Sql("""
                INSERT INTO surveys.response_tallies AS t (survey_id, partner_group, sector, size_class, n)
                SELECT r.survey_id, r.partner_group, r.sector, r.size_class, count(*)::int
                FROM surveys.responses r
                GROUP BY 1, 2, 3, 4
                ORDER BY 1, 2, 3, 4;

                INSERT INTO surveys.value_buckets AS t (survey_id, breakdown, question_id, grp, bucket, n, total, lowest, highest, earliest, latest)
                SELECT r.survey_id, g.breakdown, a.question_id, g.grp, coalesce(surveys.number_bucket(a.number_value), 0), count(*)::int,
                       sum(a.number_value), min(a.number_value), max(a.number_value), min(a.date_value), max(a.date_value)
                FROM surveys.answers a JOIN surveys.responses r ON r.id = a.response_id
                CROSS JOIN LATERAL (VALUES ('None', ''), ('PartnerGroup', coalesce(r.partner_group, '')), ('Sector', coalesce(r.sector, '')), ('SizeClass', coalesce(r.size_class, ''))) g(breakdown, grp)
                WHERE (a.number_value IS NOT NULL OR a.date_value IS NOT NULL)
                GROUP BY 1, 2, 3, 4, 5
                ORDER BY 1, 2, 3, 4, 5;

                INSERT INTO surveys.value_tallies AS t (survey_id, breakdown, question_id, grp, bucket, number_value, n)
                SELECT r.survey_id, g.breakdown, a.question_id, g.grp, surveys.number_bucket(a.number_value), a.number_value, count(*)::int
                FROM surveys.answers a JOIN surveys.responses r ON r.id = a.response_id
                CROSS JOIN LATERAL (VALUES ('None', ''), ('PartnerGroup', coalesce(r.partner_group, '')), ('Sector', coalesce(r.sector, '')), ('SizeClass', coalesce(r.size_class, ''))) g(breakdown, grp)
                WHERE a.number_value IS NOT NULL
                GROUP BY 1, 2, 3, 4, 5, 6
                ORDER BY 1, 2, 3, 4, 5, 6;
                """);
            migrationBuilder.Sql("DROP INDEX IF EXISTS surveys.ix_answers_values;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE INDEX IF NOT EXISTS ix_answers_values ON surveys.answers (question_id) INCLUDE (number_value, date_value, response_id)
                WHERE number_value IS NOT NULL OR date_value IS NOT NULL;
                """);
            migrationBuilder.Sql("DROP TABLE IF EXISTS surveys.value_tallies;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS surveys.value_buckets;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS surveys.response_tallies;");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS surveys.number_bucket(numeric);");
        }
    }
}
