using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Alliance.Surveys.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "surveys");

            migrationBuilder.CreateTable(
                name: "inbox_messages",
                schema: "surveys",
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
                schema: "surveys",
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
                name: "surveys",
                schema: "surveys",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    series_id = table.Column<Guid>(type: "uuid", nullable: false),
                    wave = table.Column<int>(type: "integer", nullable: false),
                    previous_wave_id = table.Column<Guid>(type: "uuid", nullable: true),
                    title_de = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "de-DE-x-icu"),
                    title_en = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "de-DE-x-icu"),
                    intro_de = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    intro_en = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    anonymous = table.Column<bool>(type: "boolean", nullable: false),
                    response_unit = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    opens_on = table.Column<DateOnly>(type: "date", nullable: false),
                    closes_on = table.Column<DateOnly>(type: "date", nullable: false),
                    reminder_max = table.Column<int>(type: "integer", nullable: false),
                    reminder_interval_days = table.Column<int>(type: "integer", nullable: false),
                    min_group_size = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    audience = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_surveys", x => x.id);
                    table.CheckConstraint("ck_surveys_dates", "closes_on >= opens_on");
                    table.CheckConstraint("ck_surveys_min_group_size", "min_group_size >= 3");
                    table.CheckConstraint("ck_surveys_wave", "wave >= 1");
                    table.ForeignKey(
                        name: "FK_surveys_surveys_previous_wave_id",
                        column: x => x.previous_wave_id,
                        principalSchema: "surveys",
                        principalTable: "surveys",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "invitations",
                schema: "surveys",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    survey_id = table.Column<Guid>(type: "uuid", nullable: false),
                    token_hash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    token_protected = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: true),
                    person_id = table.Column<Guid>(type: "uuid", nullable: true),
                    answered = table.Column<bool>(type: "boolean", nullable: false),
                    reminders_sent = table.Column<int>(type: "integer", nullable: false),
                    last_reminded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    invited_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    mail_recipients = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_invitations", x => x.id);
                    table.ForeignKey(
                        name: "FK_invitations_surveys_survey_id",
                        column: x => x.survey_id,
                        principalSchema: "surveys",
                        principalTable: "surveys",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "responses",
                schema: "surveys",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    survey_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: true),
                    person_id = table.Column<Guid>(type: "uuid", nullable: true),
                    partner_group = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    sector = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    size_class = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    submitted_on = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_responses", x => x.id);
                    table.ForeignKey(
                        name: "FK_responses_surveys_survey_id",
                        column: x => x.survey_id,
                        principalSchema: "surveys",
                        principalTable: "surveys",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "sections",
                schema: "surveys",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    survey_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    title_de = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    title_en = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sections", x => x.id);
                    table.ForeignKey(
                        name: "FK_sections_surveys_survey_id",
                        column: x => x.survey_id,
                        principalSchema: "surveys",
                        principalTable: "surveys",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "drafts",
                schema: "surveys",
                columns: table => new
                {
                    invitation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    answers = table.Column<string>(type: "jsonb", nullable: false),
                    saved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_drafts", x => x.invitation_id);
                    table.ForeignKey(
                        name: "FK_drafts_invitations_invitation_id",
                        column: x => x.invitation_id,
                        principalSchema: "surveys",
                        principalTable: "invitations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "answers",
                schema: "surveys",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    response_id = table.Column<Guid>(type: "uuid", nullable: false),
                    question_id = table.Column<Guid>(type: "uuid", nullable: false),
                    option_id = table.Column<Guid>(type: "uuid", nullable: true),
                    row_option_id = table.Column<Guid>(type: "uuid", nullable: true),
                    scale_value = table.Column<int>(type: "integer", nullable: true),
                    number_value = table.Column<decimal>(type: "numeric", nullable: true),
                    text_value = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    date_value = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_answers", x => x.id);
                    table.ForeignKey(
                        name: "FK_answers_responses_response_id",
                        column: x => x.response_id,
                        principalSchema: "surveys",
                        principalTable: "responses",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "options",
                schema: "surveys",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    question_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    label_de = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    label_en = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    role = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_options", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "questions",
                schema: "surveys",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    survey_id = table.Column<Guid>(type: "uuid", nullable: false),
                    section_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    text_de = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    text_en = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    help_de = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    help_en = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    required = table.Column<bool>(type: "boolean", nullable: false),
                    allow_other = table.Column<bool>(type: "boolean", nullable: false),
                    scale_min = table.Column<int>(type: "integer", nullable: true),
                    scale_max = table.Column<int>(type: "integer", nullable: true),
                    scale_min_label_de = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    scale_min_label_en = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    scale_max_label_de = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    scale_max_label_en = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    number_min = table.Column<decimal>(type: "numeric", nullable: true),
                    number_max = table.Column<decimal>(type: "numeric", nullable: true),
                    show_if_question_id = table.Column<Guid>(type: "uuid", nullable: true),
                    show_if_option_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_questions", x => x.id);
                    table.ForeignKey(
                        name: "FK_questions_options_show_if_option_id",
                        column: x => x.show_if_option_id,
                        principalSchema: "surveys",
                        principalTable: "options",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_questions_questions_show_if_question_id",
                        column: x => x.show_if_question_id,
                        principalSchema: "surveys",
                        principalTable: "questions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_questions_sections_section_id",
                        column: x => x.section_id,
                        principalSchema: "surveys",
                        principalTable: "sections",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_questions_surveys_survey_id",
                        column: x => x.survey_id,
                        principalSchema: "surveys",
                        principalTable: "surveys",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_answers_option_id",
                schema: "surveys",
                table: "answers",
                column: "option_id");

            migrationBuilder.CreateIndex(
                name: "IX_answers_question_id_option_id",
                schema: "surveys",
                table: "answers",
                columns: new[] { "question_id", "option_id" });

            migrationBuilder.CreateIndex(
                name: "IX_answers_response_id",
                schema: "surveys",
                table: "answers",
                column: "response_id");

            migrationBuilder.CreateIndex(
                name: "IX_answers_row_option_id",
                schema: "surveys",
                table: "answers",
                column: "row_option_id");

            migrationBuilder.CreateIndex(
                name: "IX_invitations_organization_id",
                schema: "surveys",
                table: "invitations",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "IX_invitations_person_id",
                schema: "surveys",
                table: "invitations",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "IX_invitations_survey_id_organization_id",
                schema: "surveys",
                table: "invitations",
                columns: new[] { "survey_id", "organization_id" },
                unique: true,
                filter: "organization_id IS NOT NULL AND person_id IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_invitations_survey_id_person_id",
                schema: "surveys",
                table: "invitations",
                columns: new[] { "survey_id", "person_id" },
                unique: true,
                filter: "person_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_invitations_token_hash",
                schema: "surveys",
                table: "invitations",
                column: "token_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_options_question_id_position",
                schema: "surveys",
                table: "options",
                columns: new[] { "question_id", "position" });

            migrationBuilder.CreateIndex(
                name: "ix_outbox_failed",
                schema: "surveys",
                table: "outbox_messages",
                column: "occurred_at",
                filter: "status = 2");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_pending",
                schema: "surveys",
                table: "outbox_messages",
                column: "occurred_at",
                filter: "status = 0");

            migrationBuilder.CreateIndex(
                name: "IX_questions_section_id",
                schema: "surveys",
                table: "questions",
                column: "section_id");

            migrationBuilder.CreateIndex(
                name: "IX_questions_show_if_option_id",
                schema: "surveys",
                table: "questions",
                column: "show_if_option_id");

            migrationBuilder.CreateIndex(
                name: "IX_questions_show_if_question_id",
                schema: "surveys",
                table: "questions",
                column: "show_if_question_id");

            migrationBuilder.CreateIndex(
                name: "IX_questions_survey_id_section_id_position",
                schema: "surveys",
                table: "questions",
                columns: new[] { "survey_id", "section_id", "position" });

            migrationBuilder.CreateIndex(
                name: "IX_responses_organization_id",
                schema: "surveys",
                table: "responses",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "IX_responses_person_id",
                schema: "surveys",
                table: "responses",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "IX_responses_survey_id",
                schema: "surveys",
                table: "responses",
                column: "survey_id");

            migrationBuilder.CreateIndex(
                name: "IX_sections_survey_id_position",
                schema: "surveys",
                table: "sections",
                columns: new[] { "survey_id", "position" });

            migrationBuilder.CreateIndex(
                name: "IX_surveys_previous_wave_id",
                schema: "surveys",
                table: "surveys",
                column: "previous_wave_id");

            migrationBuilder.CreateIndex(
                name: "IX_surveys_series_id_wave",
                schema: "surveys",
                table: "surveys",
                columns: new[] { "series_id", "wave" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_surveys_status_closes_on",
                schema: "surveys",
                table: "surveys",
                columns: new[] { "status", "closes_on" });

            migrationBuilder.AddForeignKey(
                name: "FK_answers_options_option_id",
                schema: "surveys",
                table: "answers",
                column: "option_id",
                principalSchema: "surveys",
                principalTable: "options",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_answers_options_row_option_id",
                schema: "surveys",
                table: "answers",
                column: "row_option_id",
                principalSchema: "surveys",
                principalTable: "options",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_answers_questions_question_id",
                schema: "surveys",
                table: "answers",
                column: "question_id",
                principalSchema: "surveys",
                principalTable: "questions",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_options_questions_question_id",
                schema: "surveys",
                table: "options",
                column: "question_id",
                principalSchema: "surveys",
                principalTable: "questions",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_questions_options_show_if_option_id",
                schema: "surveys",
                table: "questions");

            migrationBuilder.DropTable(
                name: "answers",
                schema: "surveys");

            migrationBuilder.DropTable(
                name: "drafts",
                schema: "surveys");

            migrationBuilder.DropTable(
                name: "inbox_messages",
                schema: "surveys");

            migrationBuilder.DropTable(
                name: "outbox_messages",
                schema: "surveys");

            migrationBuilder.DropTable(
                name: "responses",
                schema: "surveys");

            migrationBuilder.DropTable(
                name: "invitations",
                schema: "surveys");

            migrationBuilder.DropTable(
                name: "options",
                schema: "surveys");

            migrationBuilder.DropTable(
                name: "questions",
                schema: "surveys");

            migrationBuilder.DropTable(
                name: "sections",
                schema: "surveys");

            migrationBuilder.DropTable(
                name: "surveys",
                schema: "surveys");
        }
    }
}
