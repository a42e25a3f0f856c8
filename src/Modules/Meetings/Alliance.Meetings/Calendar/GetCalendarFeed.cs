using System.Text;
using Alliance.Meetings.Domain;
using Alliance.Meetings.Persistence;
using Alliance.Shared.Contracts;
using Alliance.Shared.Errors;
using Alliance.Shared.Exports;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Meetings.Calendar;

/// <summary>
/// A subscription feed opened by its unguessable token alone (calendar apps send no cookie): a person's registered
/// meetings, or with <see cref="Series"/> a series' meetings. A wrong token is 404 and reveals nothing.
/// </summary>
[AllowedFor(Who.Anyone)]
internal sealed record GetCalendarFeed(string Token, bool Series = false) : IRequest<ExportFile>;

internal sealed class GetCalendarFeedHandler(MeetingsDbContext db, IcsWriter writer) : IRequestHandler<GetCalendarFeed, ExportFile>
{
    /// <summary>Tokens are 64 hex characters; anything else is not looked up.</summary>
    private const int TokenLength = 64;

    public async Task<ExportFile> Handle(GetCalendarFeed request, CancellationToken cancellationToken)
    {
        var token = request.Token.Length == TokenLength ? request.Token : null;
        if (request.Series)
        {
            var series = await db.Series.AsNoTracking().FirstOrDefaultAsync(s => s.FeedToken == token, cancellationToken)
                ?? throw NotFoundException.For("Calendar feed", "series");
            var meetings = await db.Meetings.AsNoTracking().Where(m => m.SeriesId == series.Id).OrderByDescending(m => m.StartsAt).Take(500).ToListAsync(cancellationToken);
            return File("series.ics", writer.Write(series.Title, meetings));
        }

        var feed = await db.CalendarFeeds.AsNoTracking().FirstOrDefaultAsync(f => f.Token == token, cancellationToken)
            ?? throw NotFoundException.For("Calendar feed", "person");
        var registered = await db.Meetings.AsNoTracking()
            .Where(m => db.Registrations.Any(r => r.MeetingId == m.Id && r.PersonId == feed.PersonId
                && (r.Status == RegistrationStatus.Registered || r.Status == RegistrationStatus.Waitlisted)))
            .OrderByDescending(m => m.StartsAt).Take(500).ToListAsync(cancellationToken);
        return File("alliance.ics", writer.Write("Alliance", registered));
    }

    private static ExportFile File(string name, string ics) => new(name, IcsWriter.ContentType, Encoding.UTF8.GetBytes(ics));
}
