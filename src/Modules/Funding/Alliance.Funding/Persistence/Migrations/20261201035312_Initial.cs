using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Alliance.Funding.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "funding");

            migrationBuilder.CreateTable(
                name: "calls",
                schema: "funding",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    funder = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "de-DE-x-icu"),
                    programme = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "de-DE-x-icu"),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false, collation: "de-DE-x-icu"),
                    link = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    submission_deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    funding_rate = table.Column<decimal>(type: "numeric(5,2)", nullable: false),
                    max_amount = table.Column<decimal>(type: "numeric(14,2)", nullable: true),
                    preset = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    cost_categories = table.Column<List<string>>(type: "text[]", nullable: false),
                    flat_rate = table.Column<decimal>(type: "numeric(5,2)", nullable: true),
                    notes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    responsible_person_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_calls", x => x.id);
                    table.CheckConstraint("ck_calls_funding_rate", "funding_rate > 0 AND funding_rate <= 100");
                    table.CheckConstraint("ck_calls_max_amount", "max_amount IS NULL OR max_amount > 0");
                });

            migrationBuilder.CreateTable(
                name: "inbox_messages",
                schema: "funding",
                columns: table => new
                {
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    handler = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    processed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inbox_messages", x => new { x.event_id, x.handler });
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                schema: "funding",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    type = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    payload = table.Column<string>(type: "jsonb", nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    locked_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    processed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    last_error = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outbox_messages", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "applications",
                schema: "funding",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    call_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false, collation: "de-DE-x-icu"),
                    summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    applicant_organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    project_start = table.Column<DateOnly>(type: "date", nullable: false),
                    project_end = table.Column<DateOnly>(type: "date", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    city_contribution = table.Column<decimal>(type: "numeric(14,2)", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_applications", x => x.id);
                    table.CheckConstraint("ck_applications_city", "city_contribution >= 0");
                    table.CheckConstraint("ck_applications_period", "project_end >= project_start");
                    table.ForeignKey(
                        name: "FK_applications_calls_call_id",
                        column: x => x.call_id,
                        principalSchema: "funding",
                        principalTable: "calls",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "call_reminders",
                schema: "funding",
                columns: table => new
                {
                    call_id = table.Column<Guid>(type: "uuid", nullable: false),
                    days_before = table.Column<int>(type: "integer", nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_call_reminders", x => new { x.call_id, x.days_before });
                    table.ForeignKey(
                        name: "FK_call_reminders_calls_call_id",
                        column: x => x.call_id,
                        principalSchema: "funding",
                        principalTable: "calls",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "budget_lines",
                schema: "funding",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    application_id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    category = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    amount = table.Column<decimal>(type: "numeric(14,2)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_budget_lines", x => x.id);
                    table.CheckConstraint("ck_budget_lines_amount", "amount >= 0");
                    table.ForeignKey(
                        name: "FK_budget_lines_applications_application_id",
                        column: x => x.application_id,
                        principalSchema: "funding",
                        principalTable: "applications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "drawdowns",
                schema: "funding",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    application_id = table.Column<Guid>(type: "uuid", nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    amount = table.Column<decimal>(type: "numeric(14,2)", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_drawdowns", x => x.id);
                    table.CheckConstraint("ck_drawdowns_amount", "amount > 0");
                    table.ForeignKey(
                        name: "FK_drawdowns_applications_application_id",
                        column: x => x.application_id,
                        principalSchema: "funding",
                        principalTable: "applications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "expenses",
                schema: "funding",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    application_id = table.Column<Guid>(type: "uuid", nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    category = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    amount = table.Column<decimal>(type: "numeric(14,2)", nullable: false),
                    description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    receipt_reference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    payee = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_expenses", x => x.id);
                    table.CheckConstraint("ck_expenses_amount", "amount > 0");
                    table.ForeignKey(
                        name: "FK_expenses_applications_application_id",
                        column: x => x.application_id,
                        principalSchema: "funding",
                        principalTable: "applications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "grants",
                schema: "funding",
                columns: table => new
                {
                    application_id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    amount = table.Column<decimal>(type: "numeric(14,2)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_grants", x => new { x.application_id, x.year });
                    table.CheckConstraint("ck_grants_amount", "amount >= 0");
                    table.ForeignKey(
                        name: "FK_grants_applications_application_id",
                        column: x => x.application_id,
                        principalSchema: "funding",
                        principalTable: "applications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "member_contributions",
                schema: "funding",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    application_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    amount = table.Column<decimal>(type: "numeric(14,2)", nullable: false),
                    letter_of_intent = table.Column<bool>(type: "boolean", nullable: false),
                    letter_date = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_member_contributions", x => x.id);
                    table.CheckConstraint("ck_member_contributions_amount", "amount > 0");
                    table.ForeignKey(
                        name: "FK_member_contributions_applications_application_id",
                        column: x => x.application_id,
                        principalSchema: "funding",
                        principalTable: "applications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "partners",
                schema: "funding",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    application_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    role = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_partners", x => x.id);
                    table.ForeignKey(
                        name: "FK_partners_applications_application_id",
                        column: x => x.application_id,
                        principalSchema: "funding",
                        principalTable: "applications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "reporting_periods",
                schema: "funding",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    application_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    from = table.Column<DateOnly>(type: "date", nullable: false),
                    to = table.Column<DateOnly>(type: "date", nullable: false),
                    due = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reporting_periods", x => x.id);
                    table.CheckConstraint("ck_reporting_periods_dates", "\"to\" >= \"from\" AND due >= \"to\"");
                    table.ForeignKey(
                        name: "FK_reporting_periods_applications_application_id",
                        column: x => x.application_id,
                        principalSchema: "funding",
                        principalTable: "applications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "transitions",
                schema: "funding",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    application_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    to = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    by_person_id = table.Column<Guid>(type: "uuid", nullable: true),
                    by_name = table.Column<string>(type: "character varying(201)", maxLength: 201, nullable: false),
                    comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_transitions", x => x.id);
                    table.ForeignKey(
                        name: "FK_transitions_applications_application_id",
                        column: x => x.application_id,
                        principalSchema: "funding",
                        principalTable: "applications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "work_packages",
                schema: "funding",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    application_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    responsible_person_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_work_packages", x => x.id);
                    table.ForeignKey(
                        name: "FK_work_packages_applications_application_id",
                        column: x => x.application_id,
                        principalSchema: "funding",
                        principalTable: "applications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "milestones",
                schema: "funding",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    application_id = table.Column<Guid>(type: "uuid", nullable: false),
                    work_package_id = table.Column<Guid>(type: "uuid", nullable: true),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    due = table.Column<DateOnly>(type: "date", nullable: false),
                    responsible_person_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_milestones", x => x.id);
                    table.ForeignKey(
                        name: "FK_milestones_applications_application_id",
                        column: x => x.application_id,
                        principalSchema: "funding",
                        principalTable: "applications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_milestones_work_packages_work_package_id",
                        column: x => x.work_package_id,
                        principalSchema: "funding",
                        principalTable: "work_packages",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_applications_call_id",
                schema: "funding",
                table: "applications",
                column: "call_id");

            migrationBuilder.CreateIndex(
                name: "IX_applications_status",
                schema: "funding",
                table: "applications",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "IX_budget_lines_application_id_year_category",
                schema: "funding",
                table: "budget_lines",
                columns: new[] { "application_id", "year", "category" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_calls_submission_deadline",
                schema: "funding",
                table: "calls",
                column: "submission_deadline");

            migrationBuilder.CreateIndex(
                name: "IX_drawdowns_application_id_date",
                schema: "funding",
                table: "drawdowns",
                columns: new[] { "application_id", "date" });

            migrationBuilder.CreateIndex(
                name: "IX_expenses_application_id_date",
                schema: "funding",
                table: "expenses",
                columns: new[] { "application_id", "date" });

            migrationBuilder.CreateIndex(
                name: "IX_expenses_application_id_year_category",
                schema: "funding",
                table: "expenses",
                columns: new[] { "application_id", "year", "category" });

            migrationBuilder.CreateIndex(
                name: "IX_member_contributions_application_id_organization_id",
                schema: "funding",
                table: "member_contributions",
                columns: new[] { "application_id", "organization_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_member_contributions_organization_id",
                schema: "funding",
                table: "member_contributions",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "IX_milestones_application_id_due",
                schema: "funding",
                table: "milestones",
                columns: new[] { "application_id", "due" });

            migrationBuilder.CreateIndex(
                name: "IX_milestones_work_package_id",
                schema: "funding",
                table: "milestones",
                column: "work_package_id");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_failed",
                schema: "funding",
                table: "outbox_messages",
                column: "occurred_at",
                filter: "status = 2");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_pending",
                schema: "funding",
                table: "outbox_messages",
                column: "occurred_at",
                filter: "status = 0");

            migrationBuilder.CreateIndex(
                name: "IX_partners_application_id_organization_id",
                schema: "funding",
                table: "partners",
                columns: new[] { "application_id", "organization_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_partners_organization_id",
                schema: "funding",
                table: "partners",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "IX_reporting_periods_application_id_from",
                schema: "funding",
                table: "reporting_periods",
                columns: new[] { "application_id", "from" });

            migrationBuilder.CreateIndex(
                name: "IX_transitions_application_id_at",
                schema: "funding",
                table: "transitions",
                columns: new[] { "application_id", "at" });

            migrationBuilder.CreateIndex(
                name: "IX_transitions_by_person_id",
                schema: "funding",
                table: "transitions",
                column: "by_person_id");

            migrationBuilder.CreateIndex(
                name: "IX_work_packages_application_id_number",
                schema: "funding",
                table: "work_packages",
                columns: new[] { "application_id", "number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "budget_lines",
                schema: "funding");

            migrationBuilder.DropTable(
                name: "call_reminders",
                schema: "funding");

            migrationBuilder.DropTable(
                name: "drawdowns",
                schema: "funding");

            migrationBuilder.DropTable(
                name: "expenses",
                schema: "funding");

            migrationBuilder.DropTable(
                name: "grants",
                schema: "funding");

            migrationBuilder.DropTable(
                name: "inbox_messages",
                schema: "funding");

            migrationBuilder.DropTable(
                name: "member_contributions",
                schema: "funding");

            migrationBuilder.DropTable(
                name: "milestones",
                schema: "funding");

            migrationBuilder.DropTable(
                name: "outbox_messages",
                schema: "funding");

            migrationBuilder.DropTable(
                name: "partners",
                schema: "funding");

            migrationBuilder.DropTable(
                name: "reporting_periods",
                schema: "funding");

            migrationBuilder.DropTable(
                name: "transitions",
                schema: "funding");

            migrationBuilder.DropTable(
                name: "work_packages",
                schema: "funding");

            migrationBuilder.DropTable(
                name: "applications",
                schema: "funding");

            migrationBuilder.DropTable(
                name: "calls",
                schema: "funding");
        }
    }
}
