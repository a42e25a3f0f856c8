using System.Security.Cryptography;
using System.Text;
using Alliance.Meetings.Domain;
using Alliance.Meetings.Persistence;
using Alliance.Shared.Contracts;
using Alliance.Shared.Errors;
using MediatR;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Meetings.Calendar;

/// <summary>
/// A subscription feed opened by its unguessable token alone (calendar apps send no cookie): the meetings a person has
/// a seat at (not those she waits for: a calendar would show them as booked; she gets the meeting by mail when she
/// moves up), or with <see cref="Series"/> a series' meetings. A wrong token is 404 and reveals nothing.
/// </summary>
[AllowedFor(Who.Anyone)]
internal sealed record GetCalendarFeed(string Token, bool Series = false) : IRequest<CalendarFeedFile>;

/// <summary>
/// The feed and its entity tag. The tag is the data's version (<see cref="CalendarFeedVersion"/>): it changes with every
/// edit of a meeting, a registration or the series in the feed, so a client that sends it back gets 304 until then.
/// </summary>
internal sealed record CalendarFeedFile(string FileName, byte[] Content, string ETag);

/// <summary>
/// What a feed's content depends on, read in one indexed query: how many rows and the sum of their row versions
/// (<c>xmin</c>, which PostgreSQL renews on every update). Any insert, update or delete changes it; a sum, unlike a
/// maximum, also changes when transaction ids wrap around.
/// </summary>
internal sealed record CalendarFeedVersion(long Rows, decimal Stamp);

/// <summary>A personal feed's owner and its <see cref="CalendarFeedVersion"/>, read with the token in one statement.</summary>
internal sealed record PersonalFeedVersion(Guid PersonId, long Rows, decimal Stamp);

/// <summary>A series feed's series, its title (the calendar's name) and its <see cref="CalendarFeedVersion"/>, read with the token in one statement.</summary>
internal sealed record SeriesFeedVersion(Guid Id, string Title, long Rows, decimal Stamp);

internal sealed class GetCalendarFeedHandler(MeetingsDbContext db, IcsWriter writer, CalendarFeedCache cache)
    : IRequestHandler<GetCalendarFeed, CalendarFeedFile>
{
    /// <summary>Tokens are 64 hex characters; anything else is not looked up.</summary>
    private const int TokenLength = 64;

    public async Task<CalendarFeedFile> Handle(GetCalendarFeed request, CancellationToken cancellationToken)
    {
        var token = request.Token.Length == TokenLength ? request.Token : null;
        if (token is null)
        {
            throw NotFoundException.For("Calendar feed", request.Series ? "series" : "person");
        }

        if (request.Series)
        {
            // The token, the calendar's name and the version in one statement; the series row's own version covers
            // its title. At most one row (the token is unique): read as a list, since a row limit without ORDER BY
            // would log EF Core's warning 10103 on every poll of the hottest anonymous endpoint.
            var series = (await db.Database.SqlQuery<SeriesFeedVersion>($"""
                SELECT s."Id", s."Title", m."Rows", s.xmin::text::bigint + m."Stamp" AS "Stamp"
                FROM meetings.series s
                CROSS JOIN LATERAL (SELECT count(*) AS "Rows", coalesce(sum(xmin::text::bigint), 0) AS "Stamp"
                                    FROM meetings.meetings WHERE "SeriesId" = s."Id") m
                WHERE s."FeedToken" = {token}
                """).ToListAsync(cancellationToken)).SingleOrDefault() ?? throw NotFoundException.For("Calendar feed", "series");
            return await cache.GetOrWriteAsync("series:" + token, new CalendarFeedVersion(series.Rows, series.Stamp), async () =>
            {
                var meetings = await db.Meetings.AsNoTracking().Where(m => m.SeriesId == series.Id)
                    .OrderByDescending(m => m.StartsAt).Take(500).ToListAsync(cancellationToken);
                return ("series.ics", writer.Write(series.Title, meetings));
            });
        }

        // The token and the version in one statement (a poll is one round trip): every registration of the person
        // counts, whatever its status, since cancelling one updates its row and so the stamp. No row: unknown token.
        var personal = (await db.Database.SqlQuery<PersonalFeedVersion>($"""
            SELECT f."PersonId", count(r."Id") AS "Rows", coalesce(sum(r.xmin::text::bigint + m.xmin::text::bigint), 0) AS "Stamp"
            FROM meetings.calendar_feeds f
            LEFT JOIN meetings.registrations r ON r."PersonId" = f."PersonId"
            LEFT JOIN meetings.meetings m ON m."Id" = r."MeetingId"
            WHERE f."Token" = {token}
            GROUP BY f."PersonId"
            """).ToListAsync(cancellationToken)).SingleOrDefault() ?? throw NotFoundException.For("Calendar feed", "person");
        var personId = personal.PersonId;
        return await cache.GetOrWriteAsync("person:" + token, new CalendarFeedVersion(personal.Rows, personal.Stamp), async () =>
        {
            var registered = await db.Meetings.AsNoTracking()
                .Where(m => db.Registrations.Any(r => r.MeetingId == m.Id && r.PersonId == personId
                    && r.Status == RegistrationStatus.Registered))
                .OrderByDescending(m => m.StartsAt).Take(500).ToListAsync(cancellationToken);
            return ("alliance.ics", writer.Write("Alliance", registered));
        });
    }
}

/// <summary>
/// Generated feeds by token, each kept with the data version it was written from: a poll whose version is unchanged is
/// served from memory (calendar apps poll every few minutes to hours — the hottest anonymous endpoint). An edit changes
/// the version, so the next poll writes the feed anew; on several hosts each host checks the version in the database,
/// so none serves a stale feed. Bounded by size (feeds count by their bytes) and idle time.
/// </summary>
internal sealed class CalendarFeedCache : IDisposable
{
    /// <summary>At most this many bytes of feeds in memory (a feed of 500 meetings is about 400 KB).</summary>
    private const long SizeLimitBytes = 32 * 1024 * 1024;

    private readonly MemoryCache _feeds = new(
        new MemoryCacheOptions { SizeLimit = SizeLimitBytes });

    /// <summary>The cached feed for <paramref name="key"/> if it was written from <paramref name="version"/>, else a new one.</summary>
    public async Task<CalendarFeedFile> GetOrWriteAsync(string key, CalendarFeedVersion version, Func<Task<(string FileName, string Ics)>> write)
    {
        var etag = ETagOf(version);
        if (_feeds.TryGetValue(key, out CalendarFeedFile? cached) && cached!.ETag == etag)
        {
            return cached;
        }

        var (fileName, ics) = await write();
        var feed = new CalendarFeedFile(fileName, Encoding.UTF8.GetBytes(ics), etag);
        _feeds.Set(key, feed, new MemoryCacheEntryOptions
        {
            Size = feed.Content.Length,
            SlidingExpiration = TimeSpan.FromHours(6),
        });
        return feed;
    }

    /// <summary>A quoted strong entity tag; hashed so it does not show transaction ids.</summary>
    private static string ETagOf(CalendarFeedVersion version)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"feed-v1|{version.Rows}|{version.Stamp}"));
        return $"\"{Convert.ToHexStringLower(hash.AsSpan(0, 12))}\"";
    }

    public void Dispose() => _feeds.Dispose();
}
