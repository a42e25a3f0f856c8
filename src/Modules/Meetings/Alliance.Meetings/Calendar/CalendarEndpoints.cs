using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Alliance.Meetings.Calendar;

/// <summary>
/// iCalendar: a meeting's .ics (signed in), and the anonymous subscription feeds that only a valid, unguessable
/// token opens (a wrong token gets 404 and reveals nothing).
/// </summary>
internal static class CalendarEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints, RouteGroupBuilder api)
    {
        api.MapGet("/{id:guid}/ics", async Task<IResult> (Guid id, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new GetMeetingIcs(id), ct)).ToResult(ct))
            .WithName("GetMeetingIcs").WithSummary("The meeting as an iCalendar (.ics) file with VTIMEZONE.");

        api.MapGet("/calendar/token", async Task<Ok<FeedLinks>> (IMediator mediator, Shared.Mail.EmailComposer composer, CancellationToken ct) =>
                TypedResults.Ok(Links(composer, await mediator.Send(new GetMyFeedToken(), ct))))
            .WithName("GetMyCalendarFeed").WithSummary("The caller's personal calendar feed link (created on first use).");

        api.MapPost("/calendar/token", async Task<Ok<FeedLinks>> (IMediator mediator, Shared.Mail.EmailComposer composer, CancellationToken ct) =>
                TypedResults.Ok(Links(composer, await mediator.Send(new GetMyFeedToken(Renew: true), ct))))
            .WithName("RenewMyCalendarFeed").WithSummary("Renews the personal feed token; the old link stops working.");

        // GET and HEAD: calendar apps and link checkers ask with HEAD whether a feed is there (Kestrel sends no body).
        endpoints.MapMethods("/calendar/{token}.ics", Feed, async Task<FileContentHttpResult> (string token, HttpResponse response, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new GetCalendarFeed(token), ct)).ToResult(response))
            .AllowAnonymous().RequireRateLimiting(Alliance.Shared.Web.AbuseLimits.CalendarFeed).WithTags("Meetings").WithName("PersonalCalendarFeed")
            .WithSummary("A person's registered meetings as an iCalendar feed (anonymous, token required).");

        endpoints.MapMethods("/calendar/series/{token}.ics", Feed, async Task<FileContentHttpResult> (string token, HttpResponse response, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new GetCalendarFeed(token, Series: true), ct)).ToResult(response))
            .AllowAnonymous().RequireRateLimiting(Alliance.Shared.Web.AbuseLimits.CalendarFeed).WithTags("Meetings").WithName("SeriesCalendarFeed")
            .WithSummary("A series' meetings as an iCalendar feed (anonymous, token required).");
    }

    private static readonly string[] Feed = [HttpMethods.Get, HttpMethods.Head];

    private static FeedLinks Links(Shared.Mail.EmailComposer composer, string token) => new(token, composer.Link($"/calendar/{token}.ics"));
}

internal sealed record FeedLinks(string Token, string Url);
