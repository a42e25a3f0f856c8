using Alliance.Meetings.Domain;
using Alliance.Meetings.Persistence;
using Alliance.Meetings.Series;
using Alliance.Shared.Contracts;
using Alliance.Shared.Errors;
using Alliance.Shared.Security;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Meetings.Calendar;

/// <summary>The caller's personal calendar feed link; <see cref="Renew"/> replaces the token (the old link stops working).</summary>
[AllowedFor(Who.SignedIn)]
internal sealed record GetMyFeedToken(bool Renew = false) : IRequest<string>;

internal sealed class GetMyFeedTokenHandler(MeetingsDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<GetMyFeedToken, string>
{
    public async Task<string> Handle(GetMyFeedToken request, CancellationToken cancellationToken)
    {
        var personId = user.PersonId ?? throw new ForbiddenException();
        var feed = await db.CalendarFeeds.FirstOrDefaultAsync(f => f.PersonId == personId, cancellationToken);
        if (feed is null)
        {
            feed = new CalendarFeed { PersonId = personId, Token = CreateSeriesHandler.NewToken(), CreatedAt = clock.GetUtcNow() };
            db.CalendarFeeds.Add(feed);
        }
        else if (request.Renew)
        {
            feed.Token = CreateSeriesHandler.NewToken();
            feed.CreatedAt = clock.GetUtcNow();
        }

        return feed.Token;
    }
}
