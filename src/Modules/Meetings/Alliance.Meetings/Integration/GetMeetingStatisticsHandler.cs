using Alliance.Meetings.Contracts;
using Alliance.Meetings.Persistence;
using Alliance.Meetings.Scheduling;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Meetings.Integration;

/// <summary>Funding-report figures, aggregated in SQL from the attendance read copies (counts survive erasure).</summary>
internal sealed class GetMeetingStatisticsHandler(MeetingsDbContext db) : IRequestHandler<GetMeetingStatistics, MeetingStatistics>
{
    public async Task<MeetingStatistics> Handle(GetMeetingStatistics request, CancellationToken cancellationToken)
    {
        var from = Recurrence.ToInstant(request.From, TimeOnly.MinValue, Recurrence.DefaultTimeZone);
        var to = Recurrence.ToInstant(request.To.AddDays(1), TimeOnly.MinValue, Recurrence.DefaultTimeZone);
        var held = db.Meetings.Where(m => !m.IsCancelled && m.StartsAt >= from && m.StartsAt < to);
        var attendances = db.Registrations.Where(r => r.CheckedInAt != null && held.Any(m => m.Id == r.MeetingId));
        var meetingsHeld = await held.CountAsync(cancellationToken);
        var total = await attendances.CountAsync(cancellationToken);
        var organizations = await attendances.Where(r => r.OrganizationId != null).Select(r => r.OrganizationId).Distinct().CountAsync(cancellationToken);
        var byGroup = await attendances.GroupBy(r => r.PartnerGroup).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        return new MeetingStatistics(meetingsHeld, total, organizations,
            byGroup.ToDictionary(g => g.Key?.ToString() ?? "Unknown", g => g.Count));
    }
}
