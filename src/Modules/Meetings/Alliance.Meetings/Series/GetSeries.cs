using Alliance.Meetings.Domain;
using Alliance.Meetings.Meetings;
using Alliance.Meetings.Persistence;
using Alliance.Meetings.Resources;
using Alliance.Meetings.Scheduling;
using Alliance.Shared.Contracts;
using Alliance.Shared.Errors;
using Alliance.Shared.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Alliance.Meetings.Series;

/// <summary>
/// A series' page for those who manage it (404 otherwise, like its edit form): the rule in words, its details, its
/// calendar feed's token and one page of its upcoming (or, with <see cref="Past"/>, its past) occurrences.
/// </summary>
[AllowedFor(Who.SignedIn)]
internal sealed record GetSeries(Guid SeriesId, bool Past = false, int Page = 1, int PageSize = Paging.DefaultPageSize) : IRequest<SeriesDetails>;

/// <summary>
/// A series with one page of occurrences; <see cref="FirstNumber"/> is the number of its first date. <see cref="FeedToken"/>
/// opens the series' calendar feed (<c>/calendar/series/{token}.ics</c>: every occurrence, for a team or room calendar).
/// </summary>
internal sealed record SeriesDetails(
    Guid Id, string Title, string RecurrenceRule, string Summary, bool IsExpertRule, string TimeZone, DateOnly FirstDate, TimeOnly StartTime,
    int DurationMinutes, string? Place, string? OnlineLink, int Capacity, int FirstNumber, DateOnly? EndsOn, int UpcomingCount, int PastCount,
    PagedResult<SeriesOccurrence> Occurrences, string FeedToken, bool CanManage, uint Version);

/// <summary>One occurrence of a series as the series page lists it.</summary>
internal sealed record SeriesOccurrence(Guid Id, string DisplayTitle, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string TimeZone, string? Place,
    bool IsCancelled, bool IsDetached, int Registered, int Capacity);

internal sealed class GetSeriesHandler(MeetingsDbContext db, MeetingPermissions access, IStringLocalizer<MeetingsText> text, TimeProvider clock)
    : IRequestHandler<GetSeries, SeriesDetails>
{
    public async Task<SeriesDetails> Handle(GetSeries request, CancellationToken cancellationToken)
    {
        var series = await db.Series.AsNoTracking().FirstOrDefaultAsync(s => s.Id == request.SeriesId, cancellationToken)
            ?? throw NotFoundException.For("Series", request.SeriesId);
        if (!await access.CanManageAsync(series.LabId, cancellationToken))
        {
            throw NotFoundException.For("Series", request.SeriesId);
        }

        var now = clock.GetUtcNow();
        var meetings = db.Meetings.AsNoTracking().Where(m => m.SeriesId == series.Id);
        var upcomingCount = await meetings.CountAsync(m => m.EndsAt >= now, cancellationToken);
        var pastCount = await meetings.CountAsync(m => m.EndsAt < now, cancellationToken);
        var chosen = request.Past
            ? meetings.Where(m => m.EndsAt < now).OrderByDescending(m => m.StartsAt)
            : meetings.Where(m => m.EndsAt >= now).OrderBy(m => m.StartsAt);
        var page = await chosen.ThenBy(m => m.Id)
            .Select(m => new
            {
                m.Id, m.Number, m.Title, m.StartsAt, m.EndsAt, m.TimeZone, m.Place, m.IsCancelled, m.IsDetached, m.Capacity,
                Registered = db.Registrations.Count(r => r.MeetingId == m.Id && r.Status == RegistrationStatus.Registered),
            })
            .ToPagedResultAsync(request.Page, request.PageSize, cancellationToken);
        var occurrences = new PagedResult<SeriesOccurrence>(
            [.. page.Items.Select(m => new SeriesOccurrence(m.Id, m.Number is { } n ? $"{n}. {m.Title}" : m.Title, m.StartsAt, m.EndsAt, m.TimeZone, m.Place,
                m.IsCancelled, m.IsDetached, m.Registered, m.Capacity))],
            page.Page, page.PageSize, page.TotalCount);
        var choice = RecurrenceChoice.FromRule(series.RecurrenceRule, series.FirstDate);
        return new SeriesDetails(series.Id, series.Title, series.RecurrenceRule,
            RecurrenceSummary.Describe(text, series.RecurrenceRule, series.FirstDate, series.StartTime, series.DurationMinutes), choice is null,
            series.TimeZone, series.FirstDate, series.StartTime, series.DurationMinutes, series.Place, series.OnlineLink, series.Capacity,
            series.NumberOffset + 1, choice?.Until ?? Recurrence.LastDay(series.RecurrenceRule, series.TimeZone), upcomingCount, pastCount, occurrences, series.FeedToken, CanManage: true, series.Version);
    }
}
