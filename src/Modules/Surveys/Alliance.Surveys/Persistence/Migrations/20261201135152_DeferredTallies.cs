using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Alliance.Surveys.Persistence.Migrations
{
    /// <summary>
    /// Responses are counted into the tallies after their commit (<c>Persistence/AnswerTallies.cs</c>): <c>tallied</c>
    /// marks the ones already counted — every stored response was counted by the transaction that stored it, so they
    /// start as true; the column then has no default (every insert says which it is) — and a partial index finds the
    /// few pending ones.
    /// </summary>
    public partial class DeferredTallies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "tallied",
                schema: "surveys",
                table: "responses",
                type: "boolean",
                nullable: false,
                defaultValue: true);
            migrationBuilder.Sql("ALTER TABLE surveys.responses ALTER COLUMN tallied DROP DEFAULT;");

            migrationBuilder.CreateIndex(
                name: "IX_responses_pending",
                schema: "surveys",
                table: "responses",
                column: "survey_id",
                filter: "NOT tallied");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_responses_pending",
                schema: "surveys",
                table: "responses");

            migrationBuilder.DropColumn(
                name: "tallied",
                schema: "surveys",
                table: "responses");
        }
    }
}
