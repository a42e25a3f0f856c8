using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Alliance.Labs.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ActionItemPerActionItemSnapshotVersionsGermanOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_action_items_DecisionId",
                schema: "labs",
                table: "action_items");

            migrationBuilder.AlterColumn<string>(
                name: "Title",
                schema: "labs",
                table: "proposals",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                collation: "de-DE-x-icu",
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200);

            migrationBuilder.AlterColumn<string>(
                name: "Name",
                schema: "labs",
                table: "participants",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                collation: "de-DE-x-icu",
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200);

            migrationBuilder.AlterColumn<string>(
                name: "Title",
                schema: "labs",
                table: "outcomes",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                collation: "de-DE-x-icu",
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200);

            migrationBuilder.AlterColumn<string>(
                name: "Name",
                schema: "labs",
                table: "organizations",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                collation: "de-DE-x-icu",
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200);

            migrationBuilder.AddColumn<long>(
                name: "SourceVersion",
                schema: "labs",
                table: "organizations",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AlterColumn<string>(
                name: "Title",
                schema: "labs",
                table: "offers",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                collation: "de-DE-x-icu",
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200);

            migrationBuilder.AlterColumn<string>(
                name: "Title",
                schema: "labs",
                table: "needs",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                collation: "de-DE-x-icu",
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200);

            migrationBuilder.AlterColumn<string>(
                name: "Title",
                schema: "labs",
                table: "labs",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                collation: "de-DE-x-icu",
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200);

            migrationBuilder.AddColumn<Guid>(
                name: "SourceActionItemId",
                schema: "labs",
                table: "action_items",
                type: "uuid",
                nullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Title",
                schema: "labs",
                table: "action_fields",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                collation: "de-DE-x-icu",
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200);

            migrationBuilder.CreateIndex(
                name: "IX_action_items_DecisionId",
                schema: "labs",
                table: "action_items",
                column: "DecisionId");

            migrationBuilder.CreateIndex(
                name: "IX_action_items_SourceActionItemId",
                schema: "labs",
                table: "action_items",
                column: "SourceActionItemId",
                unique: true,
                filter: "\"SourceActionItemId\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_action_items_DecisionId",
                schema: "labs",
                table: "action_items");

            migrationBuilder.DropIndex(
                name: "IX_action_items_SourceActionItemId",
                schema: "labs",
                table: "action_items");

            migrationBuilder.DropColumn(
                name: "SourceVersion",
                schema: "labs",
                table: "organizations");

            migrationBuilder.DropColumn(
                name: "SourceActionItemId",
                schema: "labs",
                table: "action_items");

            migrationBuilder.AlterColumn<string>(
                name: "Title",
                schema: "labs",
                table: "proposals",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200,
                oldCollation: "de-DE-x-icu");

            migrationBuilder.AlterColumn<string>(
                name: "Name",
                schema: "labs",
                table: "participants",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200,
                oldCollation: "de-DE-x-icu");

            migrationBuilder.AlterColumn<string>(
                name: "Title",
                schema: "labs",
                table: "outcomes",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200,
                oldCollation: "de-DE-x-icu");

            migrationBuilder.AlterColumn<string>(
                name: "Name",
                schema: "labs",
                table: "organizations",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200,
                oldCollation: "de-DE-x-icu");

            migrationBuilder.AlterColumn<string>(
                name: "Title",
                schema: "labs",
                table: "offers",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200,
                oldCollation: "de-DE-x-icu");

            migrationBuilder.AlterColumn<string>(
                name: "Title",
                schema: "labs",
                table: "needs",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200,
                oldCollation: "de-DE-x-icu");

            migrationBuilder.AlterColumn<string>(
                name: "Title",
                schema: "labs",
                table: "labs",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200,
                oldCollation: "de-DE-x-icu");

            migrationBuilder.AlterColumn<string>(
                name: "Title",
                schema: "labs",
                table: "action_fields",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200,
                oldCollation: "de-DE-x-icu");

            migrationBuilder.CreateIndex(
                name: "IX_action_items_DecisionId",
                schema: "labs",
                table: "action_items",
                column: "DecisionId",
                unique: true,
                filter: "\"DecisionId\" IS NOT NULL");
        }
    }
}
