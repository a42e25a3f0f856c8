using Alliance.Meetings.Domain;
using Alliance.Meetings.Meetings;
using Alliance.Meetings.Persistence;
using Alliance.Shared.Contracts;
using Alliance.Shared.Localization;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Meetings.Registrations;

/// <summary>
/// How a meeting's current registrations came in, for those who manage it: per day (in the alliance's zone) on which
/// someone registered, the seats and waitlist places taken up to that day. Counted in PostgreSQL (GROUP BY day, running
/// sum as a window), never loaded row by row; people who cancelled or declined are not counted.
/// </summary>
[AllowedFor(Who.SignedIn)]
internal sealed record GetRegistrationTrend(Guid MeetingId) : IRequest<IReadOnlyList<RegistrationDay>>;

/// <summary>By the end of <see cref="Day"/>: <see cref="Registered"/> seats and <see cref="Waitlisted"/> waitlist places.</summary>
internal sealed record RegistrationDay(DateOnly Day, int Registered, int Waitlisted);

internal sealed class GetRegistrationTrendHandler(MeetingsDbContext db, MeetingPermissions permissions)
    : IRequestHandler<GetRegistrationTrend, IReadOnlyList<RegistrationDay>>
{
    public async Task<IReadOnlyList<RegistrationDay>> Handle(GetRegistrationTrend request, CancellationToken cancellationToken)
    {
        await permissions.ManagedMeetingAsync(request.MeetingId, cancellationToken);
        var zone = AllianceTime.Zone.Id;
        var registered = (int)RegistrationStatus.Registered;
        var waitlisted = (int)RegistrationStatus.Waitlisted;
        var rows = await db.Database.SqlQuery<TrendRow>($"""
            SELECT day AS "Day",
                   (SUM(registered) OVER (ORDER BY day))::int AS "Registered",
                   (SUM(waitlisted) OVER (ORDER BY day))::int AS "Waitlisted"
            FROM (
                SELECT (COALESCE("RespondedAt", "CreatedAt") AT TIME ZONE {zone})::date AS day,
                       COUNT(*) FILTER (WHERE "Status" = {registered}) AS registered,
                       COUNT(*) FILTER (WHERE "Status" = {waitlisted}) AS waitlisted
                FROM meetings.registrations
                WHERE "MeetingId" = {request.MeetingId} AND "Status" IN ({registered}, {waitlisted})
                GROUP BY 1
            ) per_day
            ORDER BY day
            """).ToListAsync(cancellationToken);
        return [.. rows.Select(r => new RegistrationDay(r.Day, r.Registered, r.Waitlisted))];
    }

    /// <summary>One row of the query (the names are the SQL column aliases).</summary>
    internal sealed class TrendRow
    {
        public DateOnly Day { get; set; }
        public int Registered { get; set; }
        public int Waitlisted { get; set; }
    }
}
