using Alliance.Meetings.Agenda;
using Alliance.Meetings.Calendar;
using Alliance.Meetings.Meetings;
using Alliance.Meetings.Minutes;
using Alliance.Meetings.Polls;
using Alliance.Meetings.Registrations;
using Alliance.Meetings.Series;
using Alliance.Shared.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Alliance.Meetings;

/// <summary>The module's API under <c>/api/meetings</c>: one small endpoints file per feature folder.</summary>
internal static class MeetingsEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapModuleApi("meetings", "Meetings");
        MeetingEndpoints.Map(api);
        SeriesEndpoints.Map(api);
        RegistrationEndpoints.Map(api);
        AgendaEndpoints.Map(api);
        MinutesEndpoints.Map(api);
        PollEndpoints.Map(api);
        CalendarEndpoints.Map(endpoints, api);
    }
}

/// <summary>The id of what a POST created.</summary>
internal sealed record IdResponse(Guid Id);

/// <summary>Turns a calendar feed into its answer.</summary>
internal static class FileResults
{
    /// <summary>
    /// A calendar feed with its entity tag: the file result answers a matching If-None-Match with 304 Not Modified
    /// (no body), anything else with the feed. <c>Cache-Control: private, no-cache</c> (RFC 9111 §5.2.2): the calendar
    /// app may keep the feed but must ask again each time (and gets 304 while nothing changed); no shared cache keeps it,
    /// since the token makes it personal. Without it, the kernel's <c>no-store</c> would forbid keeping the copy that
    /// the ETag revalidates.
    /// </summary>
    public static FileContentHttpResult ToResult(this Calendar.CalendarFeedFile feed, HttpResponse response)
    {
        response.Headers.CacheControl = "private, no-cache";
        return TypedResults.File(feed.Content, IcsWriter.ContentType, feed.FileName,
            entityTag: Microsoft.Net.Http.Headers.EntityTagHeaderValue.Parse(feed.ETag));
    }
}

/// <summary>Turns a sent command's completion into 204, so each route stays a one-liner.</summary>
internal static class EndpointResults
{
    /// <summary>Awaits the sent command and answers 204 No Content.</summary>
    public static async Task<NoContent> NoContent(this Task sent)
    {
        await sent;
        return TypedResults.NoContent();
    }
}
