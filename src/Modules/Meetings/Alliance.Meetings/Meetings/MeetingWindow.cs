using Alliance.Meetings.Domain;
using Alliance.Meetings.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Meetings.Meetings;

/// <summary>
/// Upcoming and past meetings as filters the StartsAt index can walk a page of. Upcoming means "ends now or later",
/// past "ended before now", and the lists go by start; a filter on the end alone makes PostgreSQL walk the start
/// index from the very first meeting ever held (every past one read and dropped) or from the last one planned. Both
/// filters therefore also say what they imply about the start: a past meeting started before now, and an upcoming
/// one started at most as long ago as the longest meeting there is lasts (read from the end of
/// <c>IX_meetings_Duration</c>, one row). The lists are the same; only the walk is shorter.
/// </summary>
internal static class MeetingWindow
{
    /// <summary>The meetings that end at <paramref name="now"/> or later.</summary>
    public static async Task<IQueryable<Meeting>> UpcomingAsync(MeetingsDbContext db, IQueryable<Meeting> meetings, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var longest = await db.Meetings.MaxAsync(m => (TimeSpan?)(m.EndsAt - m.StartsAt), cancellationToken) ?? TimeSpan.Zero;
        var earliestStart = now - longest;
        return meetings.Where(m => m.EndsAt >= now && m.StartsAt >= earliestStart);
    }

    /// <summary>The meetings that ended before <paramref name="now"/> (a meeting ends after it starts).</summary>
    public static IQueryable<Meeting> Past(IQueryable<Meeting> meetings, DateTimeOffset now) =>
        meetings.Where(m => m.EndsAt < now && m.StartsAt < now);
}
