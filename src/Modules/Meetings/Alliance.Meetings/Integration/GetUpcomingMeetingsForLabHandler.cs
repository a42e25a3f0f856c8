using Alliance.Meetings.Contracts;
using Alliance.Meetings.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Meetings.Integration;

internal sealed class GetUpcomingMeetingsForLabHandler(MeetingsDbContext db, TimeProvider clock) : IRequestHandler<GetUpcomingMeetingsForLab, IReadOnlyList<MeetingSummary>>
{
    public async Task<IReadOnlyList<MeetingSummary>> Handle(GetUpcomingMeetingsForLab request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var meetings = await db.Meetings.AsNoTracking()
            .Where(m => m.EndsAt >= now && (m.LabId == request.LabId || db.AgendaItems.Any(a => a.MeetingId == m.Id && a.LabId == request.LabId)))
            .OrderBy(m => m.StartsAt).Take(Math.Clamp(request.Count, 1, 50)).ToListAsync(cancellationToken);
        return meetings.Select(m => new MeetingSummary(m.Id, m.DisplayTitle, m.StartsAt, m.EndsAt, m.TimeZone, m.Place, m.IsCancelled)).ToList();
    }
}
