using Alliance.Shared.Contracts;
using MediatR;

namespace Alliance.Members.Contracts;

/// <summary>
/// Member organisations for a reporting period (funding reports), by partner group, counted in one SQL statement.
/// Period: <see cref="From"/> to <see cref="To"/>, both days included, in the alliance's zone (<see cref="IReportingPeriod"/>).
/// An organisation's membership begins on its "member since" day (without one: the day it was recorded) and ends after
/// its "member until" day. A deactivated organisation without a "member until" day counts as no longer a member (when it
/// left is unknown), so set that day when an organisation leaves to keep earlier reports as they were.
/// </summary>
[AllowedFor(Who.Internal)]
public sealed record GetMembershipStatistics(DateOnly From, DateOnly To) : IRequest<MembershipStatistics>, IReportingPeriod;

/// <summary>
/// The member organisations of a period: <see cref="MembersAtEnd"/> were members on the period's last day,
/// <see cref="Joined"/> began their membership in the period, <see cref="Left"/> had their last membership day in it.
/// <see cref="ByPartnerGroup"/> has one row per <see cref="PartnerGroup"/>, in the enum's order, zeros included; the
/// totals are their sums.
/// </summary>
public sealed record MembershipStatistics(
    int MembersAtEnd,
    int Joined,
    int Left,
    IReadOnlyList<PartnerGroupMembership> ByPartnerGroup);

/// <summary>One partner group's member organisations in the period (see <see cref="MembershipStatistics"/>).</summary>
public sealed record PartnerGroupMembership(PartnerGroup PartnerGroup, int MembersAtEnd, int Joined, int Left);
