using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Alliance.Meetings.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class StoredCopiesFitAndPersonCopies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "SubmitterName",
                schema: "meetings",
                table: "topic_submissions",
                type: "character varying(201)",
                maxLength: 201,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200);

            migrationBuilder.AlterColumn<string>(
                name: "PersonName",
                schema: "meetings",
                table: "registrations",
                type: "character varying(201)",
                maxLength: 201,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200);

            migrationBuilder.AddColumn<bool>(
                name: "NameVisibleToMembers",
                schema: "meetings",
                table: "registrations",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "PersonVersion",
                schema: "meetings",
                table: "registrations",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AlterColumn<string>(
                name: "ResultSummary",
                schema: "meetings",
                table: "polls",
                type: "character varying(4279)",
                maxLength: 4279,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(4000)",
                oldMaxLength: 4000,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "AuthorName",
                schema: "meetings",
                table: "minutes_addenda",
                type: "character varying(201)",
                maxLength: 201,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200);

            migrationBuilder.AlterColumn<string>(
                name: "Presenter",
                schema: "meetings",
                table: "agenda_items",
                type: "character varying(201)",
                maxLength: 201,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "OwnerName",
                schema: "meetings",
                table: "action_items",
                type: "character varying(404)",
                maxLength: 404,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200,
                oldNullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "NameVisibleToMembers",
                schema: "meetings",
                table: "registrations");

            migrationBuilder.DropColumn(
                name: "PersonVersion",
                schema: "meetings",
                table: "registrations");

            migrationBuilder.AlterColumn<string>(
                name: "SubmitterName",
                schema: "meetings",
                table: "topic_submissions",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(201)",
                oldMaxLength: 201);

            migrationBuilder.AlterColumn<string>(
                name: "PersonName",
                schema: "meetings",
                table: "registrations",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(201)",
                oldMaxLength: 201);

            migrationBuilder.AlterColumn<string>(
                name: "ResultSummary",
                schema: "meetings",
                table: "polls",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(4279)",
                oldMaxLength: 4279,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "AuthorName",
                schema: "meetings",
                table: "minutes_addenda",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(201)",
                oldMaxLength: 201);

            migrationBuilder.AlterColumn<string>(
                name: "Presenter",
                schema: "meetings",
                table: "agenda_items",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(201)",
                oldMaxLength: 201,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "OwnerName",
                schema: "meetings",
                table: "action_items",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(404)",
                oldMaxLength: 404,
                oldNullable: true);
        }
    }
}
