using System;
using Alliance.Shared.Messaging;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Alliance.Meetings.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class OutboxState : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_outbox_pending",
                schema: "meetings",
                table: "outbox_messages");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "locked_until",
                schema: "meetings",
                table: "outbox_messages",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "status",
                schema: "meetings",
                table: "outbox_messages",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.SetStatusOfExistingRows("meetings");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_failed",
                schema: "meetings",
                table: "outbox_messages",
                column: "occurred_at",
                filter: "status = 2");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_pending",
                schema: "meetings",
                table: "outbox_messages",
                column: "occurred_at",
                filter: "status = 0");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_outbox_failed",
                schema: "meetings",
                table: "outbox_messages");

            migrationBuilder.DropIndex(
                name: "ix_outbox_pending",
                schema: "meetings",
                table: "outbox_messages");

            migrationBuilder.DropColumn(
                name: "locked_until",
                schema: "meetings",
                table: "outbox_messages");

            migrationBuilder.DropColumn(
                name: "status",
                schema: "meetings",
                table: "outbox_messages");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_pending",
                schema: "meetings",
                table: "outbox_messages",
                column: "next_attempt_at",
                filter: "processed_at IS NULL");
        }
    }
}
