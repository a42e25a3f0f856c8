using Alliance.Meetings.Domain;
using Alliance.Meetings.Meetings;
using Alliance.Meetings.Persistence;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Meetings.Calendar;

/// <summary>
/// iCalendar: a meeting's .ics (signed in), and the anonymous subscription feeds that only a valid, unguessable
/// token opens (a wrong token gets 404 and reveals nothing).
/// </summary>
internal static class CalendarEndpoints
{
    private const string ContentType = "text/calendar; charset=utf-8";

    public static void Map(IEndpointRouteBuilder endpoints, RouteGroupBuilder api)
    {
        api.MapGet("/{id:guid}/ics", async Task<Results<FileContentHttpResult, NotFound>> (Guid id, MeetingPermissions access, IcsWriter writer, CancellationToken ct) =>
            {
                var meeting = await access.VisibleMeetingAsync(id, ct);
                var ics = writer.Write(meeting.DisplayTitle, [meeting]);
                return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(ics), ContentType, $"meeting-{meeting.Id:N}.ics");
            })
            .WithName("GetMeetingIcs").WithSummary("The meeting as an iCalendar (.ics) file with VTIMEZONE.");

        api.MapGet("/calendar/token", async Task<Ok<FeedLinks>> (IMediator mediator, Shared.Mail.EmailComposer composer, CancellationToken ct) =>
                TypedResults.Ok(Links(composer, await mediator.Send(new GetMyFeedToken(), ct))))
            .WithName("GetMyCalendarFeed").WithSummary("The caller's personal calendar feed link (created on first use).");

        api.MapPost("/calendar/token", async Task<Ok<FeedLinks>> (IMediator mediator, Shared.Mail.EmailComposer composer, CancellationToken ct) =>
                TypedResults.Ok(Links(composer, await mediator.Send(new GetMyFeedToken(Renew: true), ct))))
            .WithName("RenewMyCalendarFeed").WithSummary("Renews the personal feed token; the old link stops working.");

        endpoints.MapGet("/calendar/{token}.ics", async Task<Results<FileContentHttpResult, NotFound>> (string token, MeetingsDbContext db, IcsWriter writer, CancellationToken ct) =>
            {
                var feed = token.Length == 64 ? await db.CalendarFeeds.AsNoTracking().FirstOrDefaultAsync(f => f.Token == token, ct) : null;
                if (feed is null)
                {
                    return TypedResults.NotFound();
                }

                var meetings = await db.Meetings.AsNoTracking()
                    .Where(m => db.Registrations.Any(r => r.MeetingId == m.Id && r.PersonId == feed.PersonId
                        && (r.Status == RegistrationStatus.Registered || r.Status == RegistrationStatus.Waitlisted)))
                    .OrderByDescending(m => m.StartsAt).Take(500).ToListAsync(ct);
                return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(writer.Write("Alliance", meetings)), ContentType, "alliance.ics");
            })
            .AllowAnonymous().WithTags("Meetings").WithName("PersonalCalendarFeed")
            .WithSummary("A person's registered meetings as an iCalendar feed (anonymous, token required).");

        endpoints.MapGet("/calendar/series/{token}.ics", async Task<Results<FileContentHttpResult, NotFound>> (string token, MeetingsDbContext db, IcsWriter writer, CancellationToken ct) =>
            {
                var series = token.Length == 64 ? await db.Series.AsNoTracking().FirstOrDefaultAsync(s => s.FeedToken == token, ct) : null;
                if (series is null)
                {
                    return TypedResults.NotFound();
                }

                var meetings = await db.Meetings.AsNoTracking().Where(m => m.SeriesId == series.Id).OrderByDescending(m => m.StartsAt).Take(500).ToListAsync(ct);
                return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(writer.Write(series.Title, meetings)), ContentType, "series.ics");
            })
            .AllowAnonymous().WithTags("Meetings").WithName("SeriesCalendarFeed")
            .WithSummary("A series' meetings as an iCalendar feed (anonymous, token required).");
    }

    private static FeedLinks Links(Shared.Mail.EmailComposer composer, string token) => new(token, composer.Link($"/calendar/{token}.ics"));
}

internal sealed record FeedLinks(string Token, string Url);
