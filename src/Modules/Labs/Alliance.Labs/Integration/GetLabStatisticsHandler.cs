using Alliance.Labs.Contracts;
using Alliance.Labs.Domain;
using Alliance.Labs.Persistence;
using Alliance.Members.Contracts;
using Alliance.Shared.Input;
using Alliance.Shared.Localization;
using Alliance.Shared.Persistence;
using MediatR;

namespace Alliance.Labs.Integration;

/// <summary>Checks the period of <see cref="GetLabStatistics"/>.</summary>
internal sealed class GetLabStatisticsValidator : ReportingPeriodValidator<GetLabStatistics>;

/// <summary>
/// The labs' figures for a reporting period, computed by PostgreSQL in five statements sent together (one round trip):
/// active labs per kind from the status history, lab member organisations per partner group (GROUPING SETS, so the
/// distinct total is exact), outcomes per kind × status, the matching and funnel counts, and programme participants by
/// their latest status on the last day. Enum values are passed as parameters, never written into the SQL.
/// </summary>
internal sealed class GetLabStatisticsHandler(LabsDbContext db) : IRequestHandler<GetLabStatistics, LabStatistics>
{
    private const string Sql = """
        SELECT l."Kind", count(*)::int
        FROM labs.labs l
        WHERE (SELECT s."Status" FROM labs.lab_status_changes s
               WHERE s."LabId" = l."Id" AND s."ChangedAt" < @start
               ORDER BY s."ChangedAt" DESC, s."Id" DESC LIMIT 1) = @active
           OR EXISTS (SELECT 1 FROM labs.lab_status_changes s
                      WHERE s."LabId" = l."Id" AND s."Status" = @active AND s."ChangedAt" >= @start AND s."ChangedAt" < @end)
        GROUP BY l."Kind";

        SELECT o."PartnerGroup", count(DISTINCT m."OrganizationId")::int,
               (count(DISTINCT m."OrganizationId") FILTER (WHERE m."JoinedAt" >= @start))::int,
               GROUPING(o."PartnerGroup")::int
        FROM labs.memberships m
        LEFT JOIN labs.organizations o ON o."Id" = m."OrganizationId"
        WHERE m."JoinedAt" < @end AND (m."LeftAt" IS NULL OR m."LeftAt" >= @start)
        GROUP BY GROUPING SETS ((o."PartnerGroup"), ());

        SELECT "Kind", "Status", (count(*) FILTER (WHERE "CreatedAt" >= @start))::int, count(*)::int
        FROM labs.outcomes
        WHERE "CreatedAt" < @end
        GROUP BY "Kind", "Status";

        SELECT
            (SELECT count(*) FROM labs.needs WHERE "CreatedAt" >= @start AND "CreatedAt" < @end)::int,
            (SELECT count(*) FROM labs.offers WHERE "CreatedAt" >= @start AND "CreatedAt" < @end)::int,
            (SELECT count(*) FROM labs.matches WHERE "MatchedAt" >= @start AND "MatchedAt" < @end)::int,
            (SELECT count(DISTINCT "NeedId") FROM labs.matches WHERE "MatchedAt" >= @start AND "MatchedAt" < @end)::int,
            (SELECT count(*) FROM labs.matches WHERE "MatchedAt" >= @start AND "MatchedAt" < @end AND "Outcome" = @done)::int,
            (SELECT count(*) FROM labs.proposals WHERE "CreatedAt" >= @start AND "CreatedAt" < @end)::int,
            (SELECT count(*) FROM labs.proposal_supports WHERE "CreatedAt" >= @start AND "CreatedAt" < @end)::int,
            (SELECT count(*) FROM labs.proposals
             WHERE "Status" = @taken AND "AnsweredAt" >= @start AND "AnsweredAt" < @end)::int;

        SELECT latest."Status", count(*)::int
        FROM (SELECT DISTINCT ON (c."ParticipantId") c."Status"
              FROM labs.participant_status_changes c
              WHERE c."On" <= @last_day
              ORDER BY c."ParticipantId", c."On" DESC, c."RecordedAt" DESC) latest
        GROUP BY latest."Status";
        """;

    public async Task<LabStatistics> Handle(GetLabStatistics request, CancellationToken cancellationToken)
    {
        var period = PeriodInstants.Of(request);
        var parameters = new Dictionary<string, object>
        {
            ["start"] = period.Start,
            ["end"] = period.End,
            ["last_day"] = request.To,
            ["active"] = (int)LabStatus.Active,
            ["done"] = (int)MatchOutcome.Done,
            ["taken"] = (int)ProposalStatus.TakenIntoLab,
        };

        return await SqlBatch.ReadAsync(db, Sql, parameters, async (reader, ct) =>
        {
            var labs = new Dictionary<LabKind, int>();
            while (await reader.ReadAsync(ct))
            {
                labs[(LabKind)reader.GetInt32(0)] = reader.GetInt32(1);
            }

            await reader.NextResultAsync(ct);
            var groups = new Dictionary<PartnerGroup, (int Organizations, int Joined)>();
            (int Organizations, int Joined) members = (0, 0);
            while (await reader.ReadAsync(ct))
            {
                var counts = (reader.GetInt32(1), reader.GetInt32(2));
                if (reader.GetInt32(3) == 1)
                {
                    members = counts;
                }
                else if (!reader.IsDBNull(0))
                {
                    groups[(PartnerGroup)reader.GetInt32(0)] = counts;
                }
            }

            await reader.NextResultAsync(ct);
            var outcomes = new List<(OutcomeKind Kind, OutcomeStatus Status, int InPeriod, int UpToEnd)>();
            while (await reader.ReadAsync(ct))
            {
                outcomes.Add(((OutcomeKind)reader.GetInt32(0), (OutcomeStatus)reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3)));
            }

            await reader.NextResultAsync(ct);
            await reader.ReadAsync(ct);
            var flows = Enumerable.Range(0, 8).Select(reader.GetInt32).ToArray();

            await reader.NextResultAsync(ct);
            var participants = new Dictionary<ParticipantStatus, int>();
            while (await reader.ReadAsync(ct))
            {
                participants[(ParticipantStatus)reader.GetInt32(0)] = reader.GetInt32(1);
            }

            int Recorded(OutcomeKind kind) => outcomes.Where(o => o.Kind == kind).Sum(o => o.InPeriod);
            int Pilots(OutcomeStatus status) => outcomes.Where(o => o.Kind == OutcomeKind.PilotProject && o.Status == status).Sum(o => o.UpToEnd);
            int Participants(ParticipantStatus status) => participants.GetValueOrDefault(status);
            var pilotsStarted = Recorded(OutcomeKind.PilotProject);

            return new LabStatistics(
                labs.Values.Sum(),
                labs.GetValueOrDefault(LabKind.WorkingLab),
                labs.GetValueOrDefault(LabKind.Programme),
                members.Organizations,
                members.Joined,
                Enum.GetValues<PartnerGroup>().Select(g => groups.TryGetValue(g, out var c)
                    ? new LabMembersByPartnerGroup(g, c.Organizations, c.Joined)
                    : new LabMembersByPartnerGroup(g, 0, 0)).ToList(),
                new OutcomeFigures(Recorded(OutcomeKind.Concept), Recorded(OutcomeKind.Recommendation), pilotsStarted,
                    Pilots(OutcomeStatus.Idea), Pilots(OutcomeStatus.Planned), Pilots(OutcomeStatus.Running),
                    Pilots(OutcomeStatus.Completed), Pilots(OutcomeStatus.Stopped)),
                new MatchingFigures(flows[0], flows[1], flows[2], flows[3], flows[4]),
                new ProposalFunnel(flows[5], flows[6], flows[7], pilotsStarted),
                new ProgrammeParticipantFigures(participants.Values.Sum(),
                    Participants(ParticipantStatus.Interested), Participants(ParticipantStatus.InProgramme),
                    Participants(ParticipantStatus.BusinessStarted), Participants(ParticipantStatus.OnTheWay),
                    Participants(ParticipantStatus.GaveUp), Participants(ParticipantStatus.ContactLost)));
        }, cancellationToken);
    }
}
