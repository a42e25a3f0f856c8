using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Alliance.Members.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class LargeAllianceIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.CreateIndex(
                name: "IX_people_Directory",
                schema: "members",
                table: "people",
                columns: new[] { "LastName", "FirstName", "Id" },
                filter: "\"ErasedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_organizations_Name_Trigram",
                schema: "members",
                table: "organizations",
                column: "Name")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "IX_organizations_Sector_Trigram",
                schema: "members",
                table: "organizations",
                column: "Sector")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            // The people search matches "first last" (the same expression the queries build), so the trigram index is on
            // that expression; EF's model cannot describe expression indexes, hence SQL.
            migrationBuilder.Sql(
                "CREATE INDEX \"IX_people_Name_Trigram\" ON members.people USING gin ((\"FirstName\" || ' ' || \"LastName\") gin_trgm_ops) WHERE \"ErasedAt\" IS NULL;");
            migrationBuilder.Sql(
                "CREATE INDEX \"IX_people_Email_Trigram\" ON members.people USING gin (\"Email\" gin_trgm_ops) WHERE \"ErasedAt\" IS NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX members.\"IX_people_Name_Trigram\";");
            migrationBuilder.Sql("DROP INDEX members.\"IX_people_Email_Trigram\";");

            migrationBuilder.DropIndex(
                name: "IX_people_Directory",
                schema: "members",
                table: "people");

            migrationBuilder.DropIndex(
                name: "IX_organizations_Name_Trigram",
                schema: "members",
                table: "organizations");

            migrationBuilder.DropIndex(
                name: "IX_organizations_Sector_Trigram",
                schema: "members",
                table: "organizations");

            migrationBuilder.AlterDatabase()
                .OldAnnotation("Npgsql:PostgresExtension:pg_trgm", ",,");
        }
    }
}
