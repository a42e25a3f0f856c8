using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Alliance.Labs.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class LabPickerIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.CreateIndex(
                name: "IX_labs_Title_Trigram",
                schema: "labs",
                table: "labs",
                column: "Title")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "IX_proposals_Title_Trigram",
                schema: "labs",
                table: "proposals",
                column: "Title")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_labs_Title_Trigram",
                schema: "labs",
                table: "labs");

            migrationBuilder.DropIndex(
                name: "IX_proposals_Title_Trigram",
                schema: "labs",
                table: "proposals");

            // pg_trgm stays: Members' trigram indexes use it too.
        }
    }
}
