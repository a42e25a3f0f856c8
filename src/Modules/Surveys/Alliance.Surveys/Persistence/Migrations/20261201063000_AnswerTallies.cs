using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Alliance.Surveys.Persistence.Migrations
{
    /// <summary>
    /// The pre-aggregated answer counts the results read (<see cref="AnswerTallies"/>), filled from the answers already
    /// stored. Raw SQL like the results indexes: the table is written and read only by hand-written SQL, and its unique
    /// key treats NULL (no option, no group) as a value (PostgreSQL 15: NULLS NOT DISTINCT), which upserts need.
    /// </summary>
    [DbContext(typeof(SurveysDbContext))]
    [Migration("20261201063000_AnswerTallies")]
    public partial class AnswerTalliesTable : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE surveys.answer_tallies (
                    survey_id uuid NOT NULL REFERENCES surveys.surveys (id) ON DELETE CASCADE,
                    question_id uuid NOT NULL,
                    option_id uuid NULL,
                    row_option_id uuid NULL,
                    scale_value integer NULL,
                    respondents boolean NOT NULL,
                    partner_group text NULL,
                    sector text NULL,
                    size_class text NULL,
                    n integer NOT NULL,
                    CONSTRAINT ux_answer_tallies_key UNIQUE NULLS NOT DISTINCT
                        (survey_id, question_id, option_id, row_option_id, scale_value, respondents, partner_group, sector, size_class));
                """);
            // The statement as it was when this migration was written (AnswerTallies.AddSql has grown since: later
            // migrations add their own tallies), so a fresh database gets exactly what this step made.
            migrationBuilder.Sql("""
                INSERT INTO surveys.answer_tallies AS t (survey_id, question_id, option_id, row_option_id, scale_value, respondents, partner_group, sector, size_class, n)
                SELECT r.survey_id, a.question_id, a.option_id, a.row_option_id, a.scale_value, false, r.partner_group, r.sector, r.size_class, count(*)::int
                FROM surveys.answers a JOIN surveys.responses r ON r.id = a.response_id
                WHERE a.option_id IS NOT NULL OR a.scale_value IS NOT NULL OR a.text_value IS NOT NULL
                GROUP BY 1, 2, 3, 4, 5, 7, 8, 9
                UNION ALL
                SELECT r.survey_id, d.question_id, NULL, NULL, NULL, true, r.partner_group, r.sector, r.size_class, count(*)::int
                FROM (SELECT DISTINCT a.question_id, a.response_id FROM surveys.answers a) d
                JOIN surveys.responses r ON r.id = d.response_id
                GROUP BY 1, 2, 7, 8, 9
                ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9;
                """);

            // Number and date statistics by group read the response id from the index too (index-only, no heap fetch).
            migrationBuilder.Sql("DROP INDEX IF EXISTS surveys.ix_answers_values;");
            migrationBuilder.Sql("""
                CREATE INDEX ix_answers_values ON surveys.answers (question_id) INCLUDE (number_value, date_value, response_id)
                WHERE number_value IS NOT NULL OR date_value IS NOT NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS surveys.ix_answers_values;");
            migrationBuilder.Sql("""
                CREATE INDEX ix_answers_values ON surveys.answers (question_id) INCLUDE (number_value, date_value)
                WHERE number_value IS NOT NULL OR date_value IS NOT NULL;
                """);
            migrationBuilder.Sql("DROP TABLE IF EXISTS surveys.answer_tallies;");
        }
    }
}
