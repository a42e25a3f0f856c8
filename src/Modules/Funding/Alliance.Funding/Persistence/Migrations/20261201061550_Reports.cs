using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Alliance.Funding.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Reports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "reports",
                schema: "funding",
                columns: table => new
                {
                    reporting_period_id = table.Column<Guid>(type: "uuid", nullable: false),
                    application_id = table.Column<Guid>(type: "uuid", nullable: false),
                    figures = table.Column<string>(type: "jsonb", nullable: false),
                    drafted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    figures_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    goals = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    work_done = table.Column<string>(type: "jsonb", nullable: false),
                    results = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    deviations = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    outlook = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    refresh = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    refresh_requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    submitted_by_person_id = table.Column<Guid>(type: "uuid", nullable: true),
                    submitted_by_name = table.Column<string>(type: "character varying(201)", maxLength: 201, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reports", x => x.reporting_period_id);
                    table.ForeignKey(
                        name: "FK_reports_applications_application_id",
                        column: x => x.application_id,
                        principalSchema: "funding",
                        principalTable: "applications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_reports_reporting_periods_reporting_period_id",
                        column: x => x.reporting_period_id,
                        principalSchema: "funding",
                        principalTable: "reporting_periods",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_reports_application_id",
                schema: "funding",
                table: "reports",
                column: "application_id");

            migrationBuilder.CreateIndex(
                name: "IX_reports_submitted_by_person_id",
                schema: "funding",
                table: "reports",
                column: "submitted_by_person_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "reports",
                schema: "funding");
        }
    }
}
