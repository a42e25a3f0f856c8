using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Alliance.Labs.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class OfferPickerIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_offers_Title_Trigram",
                schema: "labs",
                table: "offers",
                column: "Title")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_offers_Title_Trigram",
                schema: "labs",
                table: "offers");
        }
    }
}
