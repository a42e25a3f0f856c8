using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Alliance.Meetings.Persistence.Migrations
{
    /// <summary>
    /// An index on each meeting's length ("EndsAt" − "StartsAt"): the longest meeting is read from its end (one row),
    /// and bounds where the upcoming list starts walking the StartsAt index (see <c>MeetingWindow</c>). An expression
    /// index, which the EF model cannot describe, so the model and its snapshot stay as they are.
    /// </summary>
    public partial class MeetingDurationIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""CREATE INDEX "IX_meetings_Duration" ON meetings.meetings (("EndsAt" - "StartsAt"));""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX meetings."IX_meetings_Duration";""");
        }
    }
}
