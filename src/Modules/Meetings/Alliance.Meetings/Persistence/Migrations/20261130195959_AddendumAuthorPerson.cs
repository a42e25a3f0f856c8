using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Alliance.Meetings.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AddendumAuthorPerson : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "AuthorPersonId",
                schema: "meetings",
                table: "minutes_addenda",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_minutes_addenda_AuthorPersonId",
                schema: "meetings",
                table: "minutes_addenda",
                column: "AuthorPersonId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_minutes_addenda_AuthorPersonId",
                schema: "meetings",
                table: "minutes_addenda");

            migrationBuilder.DropColumn(
                name: "AuthorPersonId",
                schema: "meetings",
                table: "minutes_addenda");
        }
    }
}
