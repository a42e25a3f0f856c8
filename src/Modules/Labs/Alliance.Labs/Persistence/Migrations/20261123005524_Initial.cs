using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Alliance.Labs.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "labs");

            migrationBuilder.CreateTable(
                name: "action_fields",
                schema: "labs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_action_fields", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "action_item_reminders",
                schema: "labs",
                columns: table => new
                {
                    ActionItemId = table.Column<Guid>(type: "uuid", nullable: false),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_action_item_reminders", x => new { x.ActionItemId, x.DueDate });
                });

            migrationBuilder.CreateTable(
                name: "action_items",
                schema: "labs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    LabId = table.Column<Guid>(type: "uuid", nullable: true),
                    Title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    OwnerPersonId = table.Column<Guid>(type: "uuid", nullable: true),
                    OwnerOrganizationId = table.Column<Guid>(type: "uuid", nullable: true),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Source = table.Column<int>(type: "integer", nullable: false),
                    MeetingId = table.Column<Guid>(type: "uuid", nullable: true),
                    DecisionId = table.Column<Guid>(type: "uuid", nullable: true),
                    MeetingTitle = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    SourceLink = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    CreatedByPersonId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_action_items", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "follow_up_reminders",
                schema: "labs",
                columns: table => new
                {
                    ParticipantId = table.Column<Guid>(type: "uuid", nullable: false),
                    LastContactOn = table.Column<DateOnly>(type: "date", nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_follow_up_reminders", x => new { x.ParticipantId, x.LastContactOn });
                });

            migrationBuilder.CreateTable(
                name: "inbox_messages",
                schema: "labs",
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
                name: "lab_status_changes",
                schema: "labs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    LabId = table.Column<Guid>(type: "uuid", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    ChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ChangedByPersonId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_lab_status_changes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "membership_requests",
                schema: "labs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    LabId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestedByPersonId = table.Column<Guid>(type: "uuid", nullable: true),
                    Motivation = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    RequestedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DecidedByPersonId = table.Column<Guid>(type: "uuid", nullable: true),
                    DeclineReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_membership_requests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "needs",
                schema: "labs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    LabId = table.Column<Guid>(type: "uuid", nullable: true),
                    PostedByPersonId = table.Column<Guid>(type: "uuid", nullable: true),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ForWhom = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Until = table.Column<DateOnly>(type: "date", nullable: true),
                    Quantity = table.Column<int>(type: "integer", nullable: true),
                    IsClosed = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_needs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "offers",
                schema: "labs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    PostedByPersonId = table.Column<Guid>(type: "uuid", nullable: true),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Quantity = table.Column<int>(type: "integer", nullable: true),
                    IsClosed = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_offers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "organizations",
                schema: "labs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PartnerGroup = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_organizations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                schema: "labs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    type = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    payload = table.Column<string>(type: "jsonb", nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    processed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    last_error = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outbox_messages", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "outcomes",
                schema: "labs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    LabId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Percent = table.Column<int>(type: "integer", nullable: false),
                    PartnerOrganizationIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outcomes", x => x.Id);
                    table.CheckConstraint("ck_outcomes_percent", "\"Percent\" BETWEEN 0 AND 100");
                });

            migrationBuilder.CreateTable(
                name: "participants",
                schema: "labs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    LabId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Email = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: true),
                    Note = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    LastContactOn = table.Column<DateOnly>(type: "date", nullable: false),
                    FollowUpOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_participants", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "proposals",
                schema: "labs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    ActionFieldId = table.Column<Guid>(type: "uuid", nullable: true),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProposedByPersonId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    LabId = table.Column<Guid>(type: "uuid", nullable: true),
                    MergedIntoId = table.Column<Guid>(type: "uuid", nullable: true),
                    AnswerReason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AnsweredByPersonId = table.Column<Guid>(type: "uuid", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_proposals", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "labs",
                schema: "labs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ActionFieldId = table.Column<Guid>(type: "uuid", nullable: false),
                    Description = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    Goals = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: true),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RequiredPartnerGroups = table.Column<int[]>(type: "integer[]", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_labs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_labs_action_fields_ActionFieldId",
                        column: x => x.ActionFieldId,
                        principalSchema: "labs",
                        principalTable: "action_fields",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "matches",
                schema: "labs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    NeedId = table.Column<Guid>(type: "uuid", nullable: false),
                    OfferId = table.Column<Guid>(type: "uuid", nullable: false),
                    MatchedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    MatchedByPersonId = table.Column<Guid>(type: "uuid", nullable: true),
                    Outcome = table.Column<int>(type: "integer", nullable: false),
                    OutcomeNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    OutcomeAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_matches", x => x.Id);
                    table.ForeignKey(
                        name: "FK_matches_needs_NeedId",
                        column: x => x.NeedId,
                        principalSchema: "labs",
                        principalTable: "needs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_matches_offers_OfferId",
                        column: x => x.OfferId,
                        principalSchema: "labs",
                        principalTable: "offers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "memberships",
                schema: "labs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    LabId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Role = table.Column<int>(type: "integer", nullable: false),
                    RequestId = table.Column<Guid>(type: "uuid", nullable: true),
                    JoinedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LeftAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_memberships", x => x.Id);
                    table.ForeignKey(
                        name: "FK_memberships_organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalSchema: "labs",
                        principalTable: "organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "outcome_notes",
                schema: "labs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OutcomeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    AuthorPersonId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outcome_notes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_outcome_notes_outcomes_OutcomeId",
                        column: x => x.OutcomeId,
                        principalSchema: "labs",
                        principalTable: "outcomes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "participant_status_changes",
                schema: "labs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ParticipantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ChangedByPersonId = table.Column<Guid>(type: "uuid", nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_participant_status_changes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_participant_status_changes_participants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalSchema: "labs",
                        principalTable: "participants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "proposal_supports",
                schema: "labs",
                columns: table => new
                {
                    ProposalId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_proposal_supports", x => new { x.ProposalId, x.OrganizationId });
                    table.ForeignKey(
                        name: "FK_proposal_supports_proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalSchema: "labs",
                        principalTable: "proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "lab_coordinators",
                schema: "labs",
                columns: table => new
                {
                    LabId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_lab_coordinators", x => new { x.LabId, x.PersonId });
                    table.ForeignKey(
                        name: "FK_lab_coordinators_labs_LabId",
                        column: x => x.LabId,
                        principalSchema: "labs",
                        principalTable: "labs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_action_fields_Title",
                schema: "labs",
                table: "action_fields",
                column: "Title",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_action_items_DecisionId",
                schema: "labs",
                table: "action_items",
                column: "DecisionId",
                unique: true,
                filter: "\"DecisionId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_action_items_LabId_Status",
                schema: "labs",
                table: "action_items",
                columns: new[] { "LabId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_action_items_OwnerOrganizationId_Status",
                schema: "labs",
                table: "action_items",
                columns: new[] { "OwnerOrganizationId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_action_items_OwnerPersonId_Status",
                schema: "labs",
                table: "action_items",
                columns: new[] { "OwnerPersonId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_action_items_Status_DueDate",
                schema: "labs",
                table: "action_items",
                columns: new[] { "Status", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_lab_coordinators_PersonId",
                schema: "labs",
                table: "lab_coordinators",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_lab_status_changes_LabId_ChangedAt",
                schema: "labs",
                table: "lab_status_changes",
                columns: new[] { "LabId", "ChangedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_labs_ActionFieldId",
                schema: "labs",
                table: "labs",
                column: "ActionFieldId");

            migrationBuilder.CreateIndex(
                name: "IX_labs_Status",
                schema: "labs",
                table: "labs",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_labs_Title",
                schema: "labs",
                table: "labs",
                column: "Title",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_matches_MatchedAt",
                schema: "labs",
                table: "matches",
                column: "MatchedAt");

            migrationBuilder.CreateIndex(
                name: "IX_matches_NeedId_OfferId",
                schema: "labs",
                table: "matches",
                columns: new[] { "NeedId", "OfferId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_matches_OfferId",
                schema: "labs",
                table: "matches",
                column: "OfferId");

            migrationBuilder.CreateIndex(
                name: "IX_membership_requests_LabId_OrganizationId",
                schema: "labs",
                table: "membership_requests",
                columns: new[] { "LabId", "OrganizationId" },
                unique: true,
                filter: "\"Status\" = 0");

            migrationBuilder.CreateIndex(
                name: "IX_membership_requests_LabId_Status",
                schema: "labs",
                table: "membership_requests",
                columns: new[] { "LabId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_membership_requests_RequestedByPersonId",
                schema: "labs",
                table: "membership_requests",
                column: "RequestedByPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_memberships_LabId_OrganizationId",
                schema: "labs",
                table: "memberships",
                columns: new[] { "LabId", "OrganizationId" },
                unique: true,
                filter: "\"LeftAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_memberships_OrganizationId",
                schema: "labs",
                table: "memberships",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_memberships_RequestId",
                schema: "labs",
                table: "memberships",
                column: "RequestId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_needs_IsClosed_CreatedAt",
                schema: "labs",
                table: "needs",
                columns: new[] { "IsClosed", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_needs_OrganizationId",
                schema: "labs",
                table: "needs",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_offers_IsClosed_CreatedAt",
                schema: "labs",
                table: "offers",
                columns: new[] { "IsClosed", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_offers_OrganizationId",
                schema: "labs",
                table: "offers",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_pending",
                schema: "labs",
                table: "outbox_messages",
                column: "next_attempt_at",
                filter: "processed_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_outcome_notes_OutcomeId_Date",
                schema: "labs",
                table: "outcome_notes",
                columns: new[] { "OutcomeId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_outcomes_LabId",
                schema: "labs",
                table: "outcomes",
                column: "LabId");

            migrationBuilder.CreateIndex(
                name: "IX_participant_status_changes_ParticipantId_On",
                schema: "labs",
                table: "participant_status_changes",
                columns: new[] { "ParticipantId", "On" });

            migrationBuilder.CreateIndex(
                name: "IX_participants_LabId_Status",
                schema: "labs",
                table: "participants",
                columns: new[] { "LabId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_participants_LastContactOn",
                schema: "labs",
                table: "participants",
                column: "LastContactOn");

            migrationBuilder.CreateIndex(
                name: "IX_participants_PersonId",
                schema: "labs",
                table: "participants",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_proposal_supports_OrganizationId",
                schema: "labs",
                table: "proposal_supports",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_proposals_LabId",
                schema: "labs",
                table: "proposals",
                column: "LabId");

            migrationBuilder.CreateIndex(
                name: "IX_proposals_OrganizationId",
                schema: "labs",
                table: "proposals",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_proposals_Status_CreatedAt",
                schema: "labs",
                table: "proposals",
                columns: new[] { "Status", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "action_item_reminders",
                schema: "labs");

            migrationBuilder.DropTable(
                name: "action_items",
                schema: "labs");

            migrationBuilder.DropTable(
                name: "follow_up_reminders",
                schema: "labs");

            migrationBuilder.DropTable(
                name: "inbox_messages",
                schema: "labs");

            migrationBuilder.DropTable(
                name: "lab_coordinators",
                schema: "labs");

            migrationBuilder.DropTable(
                name: "lab_status_changes",
                schema: "labs");

            migrationBuilder.DropTable(
                name: "matches",
                schema: "labs");

            migrationBuilder.DropTable(
                name: "membership_requests",
                schema: "labs");

            migrationBuilder.DropTable(
                name: "memberships",
                schema: "labs");

            migrationBuilder.DropTable(
                name: "outbox_messages",
                schema: "labs");

            migrationBuilder.DropTable(
                name: "outcome_notes",
                schema: "labs");

            migrationBuilder.DropTable(
                name: "participant_status_changes",
                schema: "labs");

            migrationBuilder.DropTable(
                name: "proposal_supports",
                schema: "labs");

            migrationBuilder.DropTable(
                name: "labs",
                schema: "labs");

            migrationBuilder.DropTable(
                name: "needs",
                schema: "labs");

            migrationBuilder.DropTable(
                name: "offers",
                schema: "labs");

            migrationBuilder.DropTable(
                name: "organizations",
                schema: "labs");

            migrationBuilder.DropTable(
                name: "outcomes",
                schema: "labs");

            migrationBuilder.DropTable(
                name: "participants",
                schema: "labs");

            migrationBuilder.DropTable(
                name: "proposals",
                schema: "labs");

            migrationBuilder.DropTable(
                name: "action_fields",
                schema: "labs");
        }
    }
}
