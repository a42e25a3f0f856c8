using Alliance.Meetings.Contracts;
using Alliance.Meetings.Persistence;
using Alliance.Members.Contracts;
using Alliance.Shared.Input;
using Alliance.Shared.Localization;
using Alliance.Shared.Persistence;
using MediatR;

namespace Alliance.Meetings.Integration;

/// <summary>Checks the period of <see cref="GetMeetingStatistics"/>.</summary>
internal sealed class GetMeetingStatisticsValidator : ReportingPeriodValidator<GetMeetingStatistics>;

/// <summary>
/// Funding-report figures from the attendance read copies (counts survive erasure), computed by PostgreSQL in two
/// GROUP BY statements sent together: meetings held per month × kind, and attendances with distinct organisations and
/// people per month × partner group, per partner group and overall (GROUPING SETS, so the distinct counts of the
/// period are exact, not sums of months).
/// </summary>
internal sealed class GetMeetingStatisticsHandler(MeetingsDbContext db, TimeProvider clock)
    : IRequestHandler<GetMeetingStatistics, MeetingStatistics>
{
    private const string Sql = """
        SELECT (date_trunc('month', m."StartsAt" AT TIME ZONE @zone))::date AS month, m."Kind", count(*)::int
        FROM meetings.meetings m
        WHERE NOT m."IsCancelled" AND m."StartsAt" >= @start AND m."StartsAt" < @held_end
        GROUP BY 1, 2;

        SELECT a.month, a.partner_group, count(*)::int, count(DISTINCT a.organization_id)::int, count(DISTINCT a.person_id)::int,
               GROUPING(a.month)::int, GROUPING(a.partner_group)::int
        FROM (
            SELECT (date_trunc('month', m."StartsAt" AT TIME ZONE @zone))::date AS month, r."PartnerGroup" AS partner_group,
                   r."OrganizationId" AS organization_id, r."PersonId" AS person_id
            FROM meetings.registrations r
            JOIN meetings.meetings m ON m."Id" = r."MeetingId"
            WHERE r."CheckedInAt" IS NOT NULL
              AND NOT m."IsCancelled" AND m."StartsAt" >= @start AND m."StartsAt" < @held_end
        ) a
        GROUP BY GROUPING SETS ((a.month, a.partner_group), (a.partner_group), ());
        """;

    public async Task<MeetingStatistics> Handle(GetMeetingStatistics request, CancellationToken cancellationToken)
    {
        var period = PeriodInstants.Of(request);
        var now = clock.GetUtcNow();
        var heldEnd = now < period.End ? now : period.End;
        var parameters = new Dictionary<string, object>
        {
            ["zone"] = AllianceTime.Zone.Id,
            ["start"] = period.Start,
            ["held_end"] = heldEnd.ToUniversalTime(),
        };

        var (meetings, attendance) = await SqlBatch.ReadAsync(db, Sql, parameters, async (reader, ct) =>
        {
            var meetings = new List<(DateOnly Month, ReportedMeetingKind Kind, int Count)>();
            while (await reader.ReadAsync(ct))
            {
                meetings.Add((reader.GetFieldValue<DateOnly>(0), (ReportedMeetingKind)reader.GetInt32(1), reader.GetInt32(2)));
            }

            await reader.NextResultAsync(ct);
            var attendance = new List<AttendanceRow>();
            while (await reader.ReadAsync(ct))
            {
                attendance.Add(new AttendanceRow(
                    reader.GetInt32(5) == 1 ? null : reader.GetFieldValue<DateOnly>(0),
                    reader.GetInt32(6) == 1 ? null : reader.IsDBNull(1) ? Unknown : reader.GetInt32(1),
                    reader.GetInt32(2), reader.GetInt32(3), reader.GetInt32(4)));
            }

            return (meetings, attendance);
        }, cancellationToken);

        var overall = attendance.SingleOrDefault(a => a.Month is null && a.Group is null);
        var months = new List<MonthlyMeetingFigures>();
        for (var month = new DateOnly(request.From.Year, request.From.Month, 1); month <= request.To; month = month.AddMonths(1))
        {
            var rows = attendance.Where(a => a.Month == month && a.Group is not null).ToList();
            months.Add(new MonthlyMeetingFigures(month, meetings.Where(m => m.Month == month).Sum(m => m.Count), rows.Sum(r => r.Attendances), ByGroup(rows)));
        }

        return new MeetingStatistics(
            meetings.Sum(m => m.Count),
            Enum.GetValues<ReportedMeetingKind>().Select(kind => new MeetingKindCount(kind, meetings.Where(m => m.Kind == kind).Sum(m => m.Count))).ToList(),
            overall?.Attendances ?? 0,
            overall?.People ?? 0,
            overall?.Organizations ?? 0,
            ByGroup(attendance.Where(a => a.Month is null && a.Group is not null).ToList()),
            months);
    }

    // A null partner group in the data (registration without an organisation), told apart from GROUPING's "all groups".
    private const int Unknown = -1;

    private static List<PartnerGroupParticipation> ByGroup(List<AttendanceRow> rows)
    {
        var groups = Enum.GetValues<PartnerGroup>()
            .Select(group => rows.FirstOrDefault(r => r.Group == (int)group) is { } row
                ? new PartnerGroupParticipation(group, row.Attendances, row.Organizations)
                : new PartnerGroupParticipation(group, 0, 0))
            .ToList();
        if (rows.FirstOrDefault(r => r.Group == Unknown) is { } unknown)
        {
            groups.Add(new PartnerGroupParticipation(null, unknown.Attendances, unknown.Organizations));
        }

        return groups;
    }

    /// <summary>One row of the attendance statement; a null month or group is GROUPING's "all".</summary>
    private sealed record AttendanceRow(DateOnly? Month, int? Group, int Attendances, int Organizations, int People);
}
