using Alliance.Members.Contracts;
using Alliance.Shared.Contracts;
using MediatR;

namespace Alliance.Labs.Contracts;

/// <summary>
/// Figures of the labs for a reporting period (funding reports), aggregated in PostgreSQL in one round trip.
/// Period: <see cref="From"/> to <see cref="To"/>, both days included, in the alliance's zone (<see cref="IReportingPeriod"/>).
/// Counts of things that happen (outcomes recorded, matches made, proposals submitted …) count what happened in the
/// period; states (active labs, members, programme participants) are taken from the labs' history as described on
/// each figure.
/// </summary>
[AllowedFor(Who.Internal)]
public sealed record GetLabStatistics(DateOnly From, DateOnly To) : IRequest<LabStatistics>, IReportingPeriod;

/// <summary>What the funding report shows about labs.</summary>
/// <param name="ActiveLabs">Labs (working labs and programmes) that were active at some time in the period, by their status history.</param>
/// <param name="ActiveWorkingLabs">Of those, working labs (Reallabore).</param>
/// <param name="ActiveProgrammes">Of those, programmes.</param>
/// <param name="MemberOrganizations">Distinct organisations that were a member of at least one lab at some time in the period.</param>
/// <param name="OrganizationsJoined">Distinct organisations that joined a lab in the period.</param>
/// <param name="MemberOrganizationsByPartnerGroup">
/// <see cref="MemberOrganizations"/> per partner group, every group in the enum's order, zeros included (an
/// organisation in several labs counts once).
/// </param>
/// <param name="Outcomes">Outcomes recorded in the period and the pilot projects' state.</param>
/// <param name="Matching">Needs, offers and matches of the period.</param>
/// <param name="Funnel">Topic proposals to pilot projects, each step counted when it happened in the period.</param>
/// <param name="ProgrammeParticipants">Participants of programme labs by their status at the period's end.</param>
public sealed record LabStatistics(
    int ActiveLabs,
    int ActiveWorkingLabs,
    int ActiveProgrammes,
    int MemberOrganizations,
    int OrganizationsJoined,
    IReadOnlyList<LabMembersByPartnerGroup> MemberOrganizationsByPartnerGroup,
    OutcomeFigures Outcomes,
    MatchingFigures Matching,
    ProposalFunnel Funnel,
    ProgrammeParticipantFigures ProgrammeParticipants);

/// <summary>Distinct lab member organisations of one partner group in the period, and how many of them joined a lab in it.</summary>
public sealed record LabMembersByPartnerGroup(PartnerGroup PartnerGroup, int Organizations, int Joined);

/// <summary>
/// Outcomes (Ergebnisse) recorded in the period by kind, and the pilot projects recorded up to the period's end by
/// their <b>current</b> status (outcomes keep no status history, so a report drafted later shows later states).
/// </summary>
public sealed record OutcomeFigures(
    int Concepts,
    int Recommendations,
    int PilotProjects,
    int PilotProjectsIdea,
    int PilotProjectsPlanned,
    int PilotProjectsRunning,
    int PilotProjectsCompleted,
    int PilotProjectsStopped);

/// <summary>
/// Matching in the period: needs and offers posted, matches made, distinct needs matched, and how many of the matches
/// made are realised (outcome "done" by now).
/// </summary>
public sealed record MatchingFigures(int NeedsPosted, int OffersPosted, int MatchesMade, int NeedsMatched, int MatchesRealised);

/// <summary>
/// The programme funnel as flows in the period: topic proposals submitted, supports given by organisations, proposals
/// taken into a lab (answered in the period), pilot projects started (pilot-project outcomes recorded in the period,
/// the same number as <see cref="OutcomeFigures.PilotProjects"/>). Not a cohort: a proposal of last year taken into a
/// lab this year counts in this year's third step.
/// </summary>
public sealed record ProposalFunnel(int ProposalsSubmitted, int SupportsGiven, int ProposalsTakenIntoLab, int PilotProjectsStarted);

/// <summary>
/// Participants of programme labs (e.g. founders) with a recorded status on or before the period's last day, by the
/// latest status recorded up to that day (<see cref="Participants"/> is their sum).
/// </summary>
public sealed record ProgrammeParticipantFigures(
    int Participants,
    int Interested,
    int InProgramme,
    int BusinessStarted,
    int OnTheWay,
    int GaveUp,
    int ContactLost);
