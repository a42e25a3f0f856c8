using Alliance.Meetings.Domain;
using Alliance.Meetings.Persistence;
using Alliance.Shared.Contracts;
using Alliance.Shared.Persistence;
using Alliance.Shared.Security;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Meetings.Meetings;

/// <summary>Upcoming (or past) meetings the caller may see, with seat and waitlist counts aggregated in SQL, and the caller's own status.</summary>
[AllowedFor(Who.SignedIn)]
internal sealed record ListMeetings(bool Past = false, string? Search = null, int Page = 1, int PageSize = Paging.DefaultPageSize) : IRequest<PagedResult<MeetingListItem>>;

internal sealed record MeetingListItem(
    Guid Id, string Title, int? Number, MeetingKind Kind, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string TimeZone, string? Place,
    bool IsCancelled, int Capacity, int Registered, int Waitlisted, RegistrationStatus? MyStatus, MinutesStatus MinutesStatus)
{
    public string DisplayTitle => Number is { } n ? $"{n}. {Title}" : Title;
}

internal sealed class ListMeetingsHandler(MeetingsDbContext db, ICurrentUser user, MeetingPermissions permissions, TimeProvider clock) : IRequestHandler<ListMeetings, PagedResult<MeetingListItem>>
{
    public async Task<PagedResult<MeetingListItem>> Handle(ListMeetings request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var person = user.PersonId ?? Guid.Empty;
        var query = permissions.Listable(db.Meetings.AsNoTracking());

        query = request.Past ? MeetingWindow.Past(query, now) : await MeetingWindow.UpcomingAsync(db, query, now, cancellationToken);
        if (!string.IsNullOrWhiteSpace(request.Search))
        {
            var pattern = $"%{request.Search.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_")}%";
            query = query.Where(m => EF.Functions.ILike(m.Title, pattern, "\\") || EF.Functions.ILike(m.Place ?? "", pattern, "\\"));
        }

        var ordered = request.Past ? query.OrderByDescending(m => m.StartsAt) : query.OrderBy(m => m.StartsAt);
        return await ordered.ThenBy(m => m.Id).Select(m => new MeetingListItem(
                m.Id, m.Title, m.Number, m.Kind, m.StartsAt, m.EndsAt, m.TimeZone, m.Place, m.IsCancelled, m.Capacity,
                db.Registrations.Count(r => r.MeetingId == m.Id && r.Status == RegistrationStatus.Registered),
                db.Registrations.Count(r => r.MeetingId == m.Id && r.Status == RegistrationStatus.Waitlisted),
                db.Registrations.Where(r => r.MeetingId == m.Id && r.PersonId == person).Select(r => (RegistrationStatus?)r.Status).FirstOrDefault(),
                m.MinutesStatus))
            .ToPagedResultAsync(request.Page, request.PageSize, cancellationToken);
    }
}
