using Alliance.Meetings.Meetings;
using Alliance.Meetings.Persistence;
using Alliance.Shared.Contracts;
using Alliance.Shared.Errors;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Meetings.Series;

/// <summary>
/// Gives a series' calendar feed a new address (the series' managers: staff or the lab's coordinators; 404 for anyone
/// else, as the series page): a new unguessable token, so the old address — passed on too widely, or to someone who
/// left — answers 404 from now on. Answers the new token. The feed cache is keyed by token, so nothing old is served.
/// </summary>
[AllowedFor(Who.SignedIn)]
internal sealed record RenewSeriesFeed(Guid SeriesId) : IRequest<string>;

internal sealed class RenewSeriesFeedHandler(MeetingsDbContext db, MeetingPermissions access, TimeProvider clock) : IRequestHandler<RenewSeriesFeed, string>
{
    public async Task<string> Handle(RenewSeriesFeed request, CancellationToken cancellationToken)
    {
        var series = await db.Series.FirstOrDefaultAsync(s => s.Id == request.SeriesId, cancellationToken)
            ?? throw NotFoundException.For("Series", request.SeriesId);
        if (!await access.CanManageAsync(series.LabId, cancellationToken))
        {
            throw NotFoundException.For("Series", request.SeriesId);
        }

        series.FeedToken = CreateSeriesHandler.NewToken();
        series.UpdatedAt = clock.GetUtcNow();
        return series.FeedToken;
    }
}
