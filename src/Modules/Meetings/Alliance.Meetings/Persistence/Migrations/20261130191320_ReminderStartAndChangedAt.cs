using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Alliance.Meetings.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ReminderStartAndChangedAt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_reminder_log",
                schema: "meetings",
                table: "reminder_log");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "StartsAt",
                schema: "meetings",
                table: "reminder_log",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ChangedAt",
                schema: "meetings",
                table: "meetings",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            // Reminders already sent belong to the start the meeting has now; the last change so far is its creation.
            migrationBuilder.Sql("""
                UPDATE meetings.reminder_log l SET "StartsAt" = m."StartsAt" FROM meetings.meetings m WHERE m."Id" = l."MeetingId";
                UPDATE meetings.meetings SET "ChangedAt" = "CreatedAt";
                """);

            migrationBuilder.AddPrimaryKey(
                name: "PK_reminder_log",
                schema: "meetings",
                table: "reminder_log",
                columns: new[] { "MeetingId", "PersonId", "StartsAt", "DaysBefore" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_reminder_log",
                schema: "meetings",
                table: "reminder_log");

            // Without the start only one reminder per (meeting, person, days) can stay: the latest.
            migrationBuilder.Sql("""
                DELETE FROM meetings.reminder_log l USING meetings.reminder_log newer
                WHERE newer."MeetingId" = l."MeetingId" AND newer."PersonId" = l."PersonId" AND newer."DaysBefore" = l."DaysBefore" AND newer."StartsAt" > l."StartsAt";
                """);

            migrationBuilder.DropColumn(
                name: "StartsAt",
                schema: "meetings",
                table: "reminder_log");

            migrationBuilder.DropColumn(
                name: "ChangedAt",
                schema: "meetings",
                table: "meetings");

            migrationBuilder.AddPrimaryKey(
                name: "PK_reminder_log",
                schema: "meetings",
                table: "reminder_log",
                columns: new[] { "MeetingId", "PersonId", "DaysBefore" });
        }
    }
}
