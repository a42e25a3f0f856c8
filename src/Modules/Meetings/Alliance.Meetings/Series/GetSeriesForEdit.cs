using Alliance.Meetings.Meetings;
using Alliance.Meetings.Persistence;
using Alliance.Shared.Contracts;
using Alliance.Shared.Errors;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Meetings.Series;

/// <summary>The editable fields of a series, for those who may manage it (404 otherwise, like meetings).</summary>
[AllowedFor(Who.SignedIn)]
internal sealed record GetSeriesForEdit(Guid SeriesId) : IRequest<SeriesForEdit>;

internal sealed record SeriesForEdit(Guid Id, string Title, string RecurrenceRule, string TimeZone, TimeOnly StartTime, int DurationMinutes,
    string? Place, string? OnlineLink, int Capacity, int? DelegateLimit, IReadOnlyList<int> ReminderDaysBefore, uint Version, DateOnly FirstDate);

internal sealed class GetSeriesForEditHandler(MeetingsDbContext db, MeetingPermissions access) : IRequestHandler<GetSeriesForEdit, SeriesForEdit>
{
    public async Task<SeriesForEdit> Handle(GetSeriesForEdit request, CancellationToken cancellationToken)
    {
        var series = await db.Series.AsNoTracking()
            .Where(s => s.Id == request.SeriesId)
            .Select(s => new { s.Id, s.Title, s.RecurrenceRule, s.TimeZone, s.StartTime, s.DurationMinutes, s.Place, s.OnlineLink, s.Capacity, s.DelegateLimit, s.ReminderDaysBefore, s.Version, s.LabId, s.FirstDate })
            .FirstOrDefaultAsync(cancellationToken) ?? throw NotFoundException.For("Series", request.SeriesId);
        if (!await access.CanManageAsync(series.LabId, cancellationToken))
        {
            throw NotFoundException.For("Series", request.SeriesId);
        }

        return new SeriesForEdit(series.Id, series.Title, series.RecurrenceRule, series.TimeZone, series.StartTime, series.DurationMinutes, series.Place,
            series.OnlineLink, series.Capacity, series.DelegateLimit, series.ReminderDaysBefore, series.Version, series.FirstDate);
    }
}
