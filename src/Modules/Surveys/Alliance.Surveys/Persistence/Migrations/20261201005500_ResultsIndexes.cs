using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Alliance.Surveys.Persistence.Migrations
{
    /// <summary>
    /// Indexes for the results (hand-written SQL in <c>Results/SurveyAggregates.cs</c>; build/bench-surveys.sh measures
    /// them): respondents of multiple-choice and matrix questions are counted DISTINCT from an index-only scan of
    /// (question, response); number and date statistics read only the rows holding a number or date; free texts are
    /// counted and their first rows listed without sorting all texts. Raw SQL on purpose: the entity model is the
    /// module core's, and partial indexes with INCLUDE are plain PostgreSQL.
    /// </summary>
    [DbContext(typeof(SurveysDbContext))]
    [Migration("20261201005500_ResultsIndexes")]
    public partial class ResultsIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE INDEX IF NOT EXISTS ix_answers_question_response ON surveys.answers (question_id, response_id);");
            migrationBuilder.Sql("""
                CREATE INDEX IF NOT EXISTS ix_answers_values ON surveys.answers (question_id) INCLUDE (number_value, date_value)
                WHERE number_value IS NOT NULL OR date_value IS NOT NULL;
                """);
            migrationBuilder.Sql("CREATE INDEX IF NOT EXISTS ix_answers_texts ON surveys.answers (question_id, id) WHERE text_value IS NOT NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS surveys.ix_answers_texts;");
            migrationBuilder.Sql("DROP INDEX IF EXISTS surveys.ix_answers_values;");
            migrationBuilder.Sql("DROP INDEX IF EXISTS surveys.ix_answers_question_response;");
        }
    }
}
