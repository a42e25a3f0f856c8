using Alliance.Members.Contracts;
using Alliance.Shared.Contracts;
using MediatR;

namespace Alliance.Meetings.Contracts;

/// <summary>
/// Figures of the meetings for a reporting period (funding reports), aggregated in PostgreSQL in one round trip.
/// Period: <see cref="From"/> to <see cref="To"/>, both days included, in the alliance's zone (<see cref="IReportingPeriod"/>).
/// A meeting is <b>held</b> in the period when it is not cancelled and its start lies in the period and before now
/// (a meeting still ahead has not been held). A <b>participant</b> is an attendance: a registration checked in at a
/// held meeting (walk-ins included; counts stay after a person is erased). Partner group and organisation are the ones
/// the registration recorded. Months are calendar months in the alliance's zone.
/// </summary>
[AllowedFor(Who.Internal)]
public sealed record GetMeetingStatistics(DateOnly From, DateOnly To) : IRequest<MeetingStatistics>, IReportingPeriod;

/// <summary>The kinds of meeting, as other modules see them (same names and values as the Meetings module's own kinds).</summary>
public enum ReportedMeetingKind
{
    /// <summary>Plenary (Allianztreffen, Plenum).</summary>
    Plenary = 0,

    /// <summary>A working lab's workshop.</summary>
    LabWorkshop = 1,

    /// <summary>A networking meeting.</summary>
    NetworkMeeting = 2,
}

/// <summary>
/// What the funding report shows about meetings: meetings held (in all and per kind, every kind listed, zeros included),
/// attendances, the distinct people and organisations that attended, participation per partner group (every group in
/// the enum's order, zeros included, then a row with a null group for attendances without one if there are any), and
/// the same per month for the chart "participants by partner group over time" (every month the period touches,
/// oldest first, empty months included).
/// </summary>
public sealed record MeetingStatistics(
    int MeetingsHeld,
    IReadOnlyList<MeetingKindCount> MeetingsByKind,
    int Attendances,
    int DistinctPeople,
    int DistinctOrganizations,
    IReadOnlyList<PartnerGroupParticipation> ByPartnerGroup,
    IReadOnlyList<MonthlyMeetingFigures> ByMonth);

/// <summary>Meetings of one kind held in the period.</summary>
public sealed record MeetingKindCount(ReportedMeetingKind Kind, int Meetings);

/// <summary>
/// Participation of one partner group (null: registrations without an organisation): checked-in attendances and the
/// distinct organisations they came from.
/// </summary>
public sealed record PartnerGroupParticipation(PartnerGroup? PartnerGroup, int Attendances, int Organizations);

/// <summary>
/// One calendar month of the period (<see cref="Month"/> is its first day; the first and last month may be partial):
/// meetings held, attendances, and participation per partner group (as in <see cref="MeetingStatistics.ByPartnerGroup"/>).
/// </summary>
public sealed record MonthlyMeetingFigures(DateOnly Month, int MeetingsHeld, int Attendances, IReadOnlyList<PartnerGroupParticipation> ByPartnerGroup);
