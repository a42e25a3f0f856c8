using Alliance.Meetings.Persistence;
using Alliance.Meetings.Series;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Meetings.Calendar;

/// <summary>
/// Personal calendar feeds: one per person (the primary key), made on first need — when she asks for her feed link or a
/// mail to her links it. Made with <c>INSERT … ON CONFLICT DO NOTHING</c> and read back, so two requests making the same
/// person's first feed at once (two registrations, the meeting list and a mail job) both get the one token instead of
/// the second failing on the key: the insert returns the feeds it made, and only the others are read back. Runs in the
/// caller's transaction when there is one.
/// </summary>
internal static class PersonalFeeds
{
    /// <summary>
    /// Each person's feed token, making the feeds that do not exist yet. Reads first: the meeting list asks on every
    /// view, and a person's feed exists after her first, so the write happens once per person, not once per page.
    /// </summary>
    public static async Task<Dictionary<Guid, string>> EnsureAsync(MeetingsDbContext db, IReadOnlyCollection<Guid> personIds,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var people = personIds.Distinct().ToArray();
        var feeds = await TokensAsync(db, people, cancellationToken);
        var missing = people.Where(p => !feeds.ContainsKey(p)).ToArray();
        if (missing.Length == 0)
        {
            return feeds;
        }

        var tokens = missing.Select(_ => CreateSeriesHandler.NewToken()).ToArray();
        // The rows this statement made come back with it (their tokens are the ones just drawn); only a feed another
        // transaction made meanwhile has to be read back.
        var made = await db.Database.SqlQuery<Guid>($"""
            INSERT INTO meetings.calendar_feeds ("PersonId", "Token", "CreatedAt")
            SELECT person, token, {now} FROM unnest({missing}, {tokens}) AS wanted(person, token)
            ON CONFLICT ("PersonId") DO NOTHING
            RETURNING "PersonId" AS "Value"
            """).ToListAsync(cancellationToken);
        var madeHere = made.ToHashSet();
        for (var i = 0; i < missing.Length; i++)
        {
            if (madeHere.Contains(missing[i]))
            {
                feeds[missing[i]] = tokens[i];
            }
        }

        var madeElsewhere = missing.Where(p => !madeHere.Contains(p)).ToArray();
        if (madeElsewhere.Length > 0)
        {
            foreach (var (person, token) in await TokensAsync(db, madeElsewhere, cancellationToken))
            {
                feeds[person] = token;
            }
        }

        return feeds;
    }

    private static Task<Dictionary<Guid, string>> TokensAsync(MeetingsDbContext db, Guid[] people, CancellationToken cancellationToken) =>
        db.CalendarFeeds.AsNoTracking().Where(f => people.Contains(f.PersonId))
            .ToDictionaryAsync(f => f.PersonId, f => f.Token, cancellationToken);
}
