using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Alliance.Members.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class GermanCollationLimitsRevision : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // PostgreSQL built with ICU ships "de-DE-x-icu" in pg_catalog; create it where a server lacks it.
            migrationBuilder.Sql("""
                DO $$
                BEGIN
                    IF NOT EXISTS (SELECT 1 FROM pg_collation WHERE collname = 'de-DE-x-icu') THEN
                        CREATE COLLATION public."de-DE-x-icu" (provider = icu, locale = 'de-DE');
                    END IF;
                END $$;
                """);

            migrationBuilder.AlterColumn<string>(
                name: "LastName",
                schema: "members",
                table: "people",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                collation: "de-DE-x-icu",
                oldClrType: typeof(string),
                oldType: "character varying(100)",
                oldMaxLength: 100);

            migrationBuilder.AlterColumn<string>(
                name: "FirstName",
                schema: "members",
                table: "people",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                collation: "de-DE-x-icu",
                oldClrType: typeof(string),
                oldType: "character varying(100)",
                oldMaxLength: 100);

            migrationBuilder.AlterColumn<string>(
                name: "Email",
                schema: "members",
                table: "people",
                type: "character varying(254)",
                maxLength: 254,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(320)",
                oldMaxLength: 320,
                oldNullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Revision",
                schema: "members",
                table: "people",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AlterColumn<string>(
                name: "Name",
                schema: "members",
                table: "organizations",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                collation: "de-DE-x-icu",
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200);

            migrationBuilder.AlterColumn<string>(
                name: "District",
                schema: "members",
                table: "organizations",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true,
                collation: "de-DE-x-icu",
                oldClrType: typeof(string),
                oldType: "character varying(100)",
                oldMaxLength: 100,
                oldNullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Revision",
                schema: "members",
                table: "organizations",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Revision",
                schema: "members",
                table: "people");

            migrationBuilder.DropColumn(
                name: "Revision",
                schema: "members",
                table: "organizations");

            migrationBuilder.AlterColumn<string>(
                name: "LastName",
                schema: "members",
                table: "people",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(100)",
                oldMaxLength: 100,
                oldCollation: "de-DE-x-icu");

            migrationBuilder.AlterColumn<string>(
                name: "FirstName",
                schema: "members",
                table: "people",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(100)",
                oldMaxLength: 100,
                oldCollation: "de-DE-x-icu");

            migrationBuilder.AlterColumn<string>(
                name: "Email",
                schema: "members",
                table: "people",
                type: "character varying(320)",
                maxLength: 320,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(254)",
                oldMaxLength: 254,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Name",
                schema: "members",
                table: "organizations",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200,
                oldCollation: "de-DE-x-icu");

            migrationBuilder.AlterColumn<string>(
                name: "District",
                schema: "members",
                table: "organizations",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(100)",
                oldMaxLength: 100,
                oldNullable: true,
                oldCollation: "de-DE-x-icu");
        }
    }
}
