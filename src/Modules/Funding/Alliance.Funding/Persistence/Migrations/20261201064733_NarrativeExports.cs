using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Alliance.Funding.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class NarrativeExports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "report_id",
                schema: "funding",
                table: "exports",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_exports_report_id",
                schema: "funding",
                table: "exports",
                column: "report_id");

            migrationBuilder.AddForeignKey(
                name: "FK_exports_reports_report_id",
                schema: "funding",
                table: "exports",
                column: "report_id",
                principalSchema: "funding",
                principalTable: "reports",
                principalColumn: "reporting_period_id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_exports_reports_report_id",
                schema: "funding",
                table: "exports");

            migrationBuilder.DropIndex(
                name: "IX_exports_report_id",
                schema: "funding",
                table: "exports");

            migrationBuilder.DropColumn(
                name: "report_id",
                schema: "funding",
                table: "exports");
        }
    }
}
