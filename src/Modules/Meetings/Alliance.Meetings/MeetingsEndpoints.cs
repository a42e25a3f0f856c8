using Alliance.Meetings.Agenda;
using Alliance.Meetings.Calendar;
using Alliance.Meetings.Meetings;
using Alliance.Meetings.Minutes;
using Alliance.Meetings.Polls;
using Alliance.Meetings.Registrations;
using Alliance.Meetings.Series;
using Alliance.Shared.Web;
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
