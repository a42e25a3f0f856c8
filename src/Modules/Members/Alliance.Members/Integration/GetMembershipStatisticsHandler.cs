using Alliance.Members.Contracts;
using Alliance.Members.Persistence;
using Alliance.Shared.Input;
using Alliance.Shared.Localization;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Members.Integration;

/// <summary>Checks the period of <see cref="GetMembershipStatistics"/>.</summary>
internal sealed class GetMembershipStatisticsValidator : ReportingPeriodValidator<GetMembershipStatistics>;

/// <summary>
/// Counts member organisations per partner group in one GROUP BY with filtered counts. The first membership day is
/// "member since", or the day of the recording instant when it is empty (compared as instants, so no zone arithmetic
/// in SQL); the last is "member until"; a deactivated organisation without it is no member at all.
/// </summary>
internal sealed class GetMembershipStatisticsHandler(MembersDbContext db)
    : IRequestHandler<GetMembershipStatistics, MembershipStatistics>
{
    public async Task<MembershipStatistics> Handle(GetMembershipStatistics request, CancellationToken cancellationToken)
    {
        var (from, to) = (request.From, request.To);
        var period = PeriodInstants.Of(request);
        var rows = await db.Organizations.AsNoTracking()
            .Where(o => o.IsActive || o.MemberUntil != null)
            .GroupBy(o => o.PartnerGroup)
            .Select(g => new
            {
                g.Key,
                AtEnd = g.Count(o => (o.MemberSince != null ? o.MemberSince <= to : o.CreatedAt < period.End)
                    && (o.MemberUntil == null || o.MemberUntil >= to)),
                Joined = g.Count(o => o.MemberSince != null
                    ? o.MemberSince >= from && o.MemberSince <= to
                    : o.CreatedAt >= period.Start && o.CreatedAt < period.End),
                Left = g.Count(o => o.MemberUntil >= from && o.MemberUntil <= to),
            })
            .ToListAsync(cancellationToken);

        var groups = Enum.GetValues<PartnerGroup>()
            .Select(group => rows.SingleOrDefault(r => r.Key == group) is { } row
                ? new PartnerGroupMembership(group, row.AtEnd, row.Joined, row.Left)
                : new PartnerGroupMembership(group, 0, 0, 0))
            .ToList();
        return new MembershipStatistics(groups.Sum(g => g.MembersAtEnd), groups.Sum(g => g.Joined), groups.Sum(g => g.Left), groups);
    }
}
