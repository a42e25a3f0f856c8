using Alliance.Shared.Contracts;
using MediatR;

namespace Alliance.Meetings.Contracts;

/// <summary>A meeting as other modules see it. <see cref="StartsAt"/> is an instant; show it in <see cref="TimeZone"/>.</summary>
public sealed record MeetingSummary(
    Guid Id,
    string Title,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string TimeZone,
    string? Place,
    bool IsCancelled);

/// <summary>The next meetings of a lab (lab workshops, or meetings whose agenda links the lab), soonest first.</summary>
[AllowedFor(Who.Internal)]
public sealed record GetUpcomingMeetingsForLab(Guid LabId, int Count = 5) : IRequest<IReadOnlyList<MeetingSummary>>;
