using Alliance.Meetings.Persistence;
using Alliance.Meetings.Resources;
using Alliance.Meetings.Scheduling;
using Alliance.Shared.Contracts;
using Alliance.Shared.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Alliance.Meetings.Series;

/// <summary>The series for the office (paged), the next date first; series with no date ahead come last, by title.</summary>
[AllowedFor(Who.Staff)]
internal sealed record ListSeries(int Page = 1, int PageSize = Paging.DefaultPageSize) : IRequest<PagedResult<SeriesListItem>>;

/// <summary>One series in the list: its rule in words, its next (not cancelled) occurrence and how many lie ahead.</summary>
internal sealed record SeriesListItem(Guid Id, string Title, string RecurrenceRule, string Summary, string TimeZone, string? Place,
    DateTimeOffset? NextStartsAt, DateTimeOffset? NextEndsAt, int? NextNumber, int Upcoming);

internal sealed class ListSeriesHandler(MeetingsDbContext db, IStringLocalizer<MeetingsText> text, TimeProvider clock) : IRequestHandler<ListSeries, PagedResult<SeriesListItem>>
{
    public async Task<PagedResult<SeriesListItem>> Handle(ListSeries request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var page = await db.Series.AsNoTracking()
            .Select(s => new
            {
                Series = s,
                NextStartsAt = db.Meetings.Where(m => m.SeriesId == s.Id && m.StartsAt >= now && !m.IsCancelled).Min(m => (DateTimeOffset?)m.StartsAt),
                Upcoming = db.Meetings.Count(m => m.SeriesId == s.Id && m.StartsAt >= now && !m.IsCancelled),
            })
            .OrderBy(s => s.NextStartsAt == null).ThenBy(s => s.NextStartsAt).ThenBy(s => s.Series.Title).ThenBy(s => s.Series.Id)
            .ToPagedResultAsync(request.Page, request.PageSize, cancellationToken);
        var ids = page.Items.Select(s => s.Series.Id).ToList();
        var next = (await db.Meetings.AsNoTracking()
                .Where(m => m.SeriesId != null && ids.Contains(m.SeriesId.Value) && m.StartsAt >= now && !m.IsCancelled)
                .Select(m => new { SeriesId = m.SeriesId!.Value, m.StartsAt, m.EndsAt, m.Number })
                .ToListAsync(cancellationToken))
            .GroupBy(m => m.SeriesId).ToDictionary(g => g.Key, g => g.MinBy(m => m.StartsAt)!);
        return new PagedResult<SeriesListItem>(
            [.. page.Items.Select(s => new SeriesListItem(s.Series.Id, s.Series.Title, s.Series.RecurrenceRule,
                RecurrenceSummary.Describe(text, s.Series.RecurrenceRule, s.Series.FirstDate, s.Series.StartTime, s.Series.DurationMinutes),
                s.Series.TimeZone, s.Series.Place, next.GetValueOrDefault(s.Series.Id)?.StartsAt, next.GetValueOrDefault(s.Series.Id)?.EndsAt,
                next.GetValueOrDefault(s.Series.Id)?.Number, s.Upcoming))],
            page.Page, page.PageSize, page.TotalCount);
    }
}
