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
        if (request.Renew && await db.CalendarFeeds.FirstOrDefaultAsync(f => f.PersonId == personId, cancellationToken) is { } feed)
        {
            feed.Token = CreateSeriesHandler.NewToken();
            feed.CreatedAt = clock.GetUtcNow();
            return feed.Token;
        }

        return (await PersonalFeeds.EnsureAsync(db, [personId], clock.GetUtcNow(), cancellationToken))[personId];
    }
}
