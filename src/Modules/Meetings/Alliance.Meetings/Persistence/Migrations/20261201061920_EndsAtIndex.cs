using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Alliance.Meetings.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class EndsAtIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_meetings_EndsAt",
                schema: "meetings",
                table: "meetings",
                column: "EndsAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_meetings_EndsAt",
                schema: "meetings",
                table: "meetings");
        }
    }
}
