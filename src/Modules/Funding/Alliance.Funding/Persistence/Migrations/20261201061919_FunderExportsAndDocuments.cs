using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Alliance.Funding.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class FunderExportsAndDocuments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "documents",
                schema: "funding",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    application_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    file_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    content_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    size_bytes = table.Column<int>(type: "integer", nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false),
                    added_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    added_by_person_id = table.Column<Guid>(type: "uuid", nullable: true),
                    added_by_name = table.Column<string>(type: "character varying(201)", maxLength: 201, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_documents", x => x.id);
                    table.CheckConstraint("ck_documents_size", "size_bytes > 0 AND size_bytes <= 5242880");
                    table.ForeignKey(
                        name: "FK_documents_applications_application_id",
                        column: x => x.application_id,
                        principalSchema: "funding",
                        principalTable: "applications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "exports",
                schema: "funding",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    application_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    language = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    state = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    progress = table.Column<int>(type: "integer", nullable: false),
                    requested_by_person_id = table.Column<Guid>(type: "uuid", nullable: true),
                    requested_by_name = table.Column<string>(type: "character varying(201)", maxLength: 201, nullable: false),
                    requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    file_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    content_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    size_bytes = table.Column<long>(type: "bigint", nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_exports", x => x.id);
                    table.CheckConstraint("ck_exports_progress", "progress BETWEEN 0 AND 100");
                    table.ForeignKey(
                        name: "FK_exports_applications_application_id",
                        column: x => x.application_id,
                        principalSchema: "funding",
                        principalTable: "applications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_documents_added_by_person_id",
                schema: "funding",
                table: "documents",
                column: "added_by_person_id");

            migrationBuilder.CreateIndex(
                name: "IX_documents_application_id_added_at",
                schema: "funding",
                table: "documents",
                columns: new[] { "application_id", "added_at" });

            migrationBuilder.CreateIndex(
                name: "IX_exports_application_id_requested_at",
                schema: "funding",
                table: "exports",
                columns: new[] { "application_id", "requested_at" });

            migrationBuilder.CreateIndex(
                name: "IX_exports_requested_by_person_id",
                schema: "funding",
                table: "exports",
                column: "requested_by_person_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "documents",
                schema: "funding");

            migrationBuilder.DropTable(
                name: "exports",
                schema: "funding");
        }
    }
}
