using Alliance.Labs.Contracts;
using Alliance.Labs.Domain;
using Alliance.Labs.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Labs.Integration;

/// <summary>
/// The labs' figures for a reporting period, each counted in SQL: labs active at some time in the period,
/// member organisations by partner group (memberships overlapping the period), outcomes by status, pilots,
/// needs matched in the period, programme participants by status.
/// </summary>
internal sealed class GetLabStatisticsHandler(LabsDbContext db) : IRequestHandler<GetLabStatistics, LabStatistics>
{
    public async Task<LabStatistics> Handle(GetLabStatistics request, CancellationToken cancellationToken)
    {
        var from = new DateTimeOffset(request.From.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var to = new DateTimeOffset(request.To.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

        // Active in the period: became active before its end and was not concluded/paused before its start.
        var activeLabs = await db.Labs.CountAsync(l =>
            db.StatusChanges.Any(s => s.LabId == l.Id && s.Status == LabStatus.Active && s.ChangedAt < to)
            && !db.StatusChanges.Any(s => s.LabId == l.Id && s.Status == LabStatus.Concluded && s.ChangedAt < from), cancellationToken);

        var members = await db.Memberships.Where(m => m.JoinedAt < to && (m.LeftAt == null || m.LeftAt >= from))
            .Select(m => new { m.OrganizationId, m.Organization!.PartnerGroup }).Distinct()
            .GroupBy(m => m.PartnerGroup).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);

        var outcomes = await db.Outcomes.Where(o => o.CreatedAt < to).GroupBy(o => o.Status).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key.ToString(), g => g.Count, cancellationToken);
        var pilots = await db.Outcomes.CountAsync(o => o.Kind == OutcomeKind.PilotProject && o.CreatedAt < to && o.Status != OutcomeStatus.Idea, cancellationToken);
        var needsMatched = await db.Needs.CountAsync(n => db.Matches.Any(m => m.NeedId == n.Id && m.MatchedAt >= from && m.MatchedAt < to), cancellationToken);
        var funnel = await db.Participants.Where(p => p.CreatedAt < to).GroupBy(p => p.Status).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key.ToString(), g => g.Count, cancellationToken);

        return new LabStatistics(activeLabs, members, outcomes, pilots, needsMatched, funnel);
    }
}
