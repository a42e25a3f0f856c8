using Alliance.Shared.Web;

namespace Alliance.Meetings.Pages;

/// <summary>The start and end time fields of the series forms; the requests take the start and a duration in minutes.</summary>
internal static class SeriesTimes
{
    /// <summary>
    /// Reads the start (<c>HH:mm</c>, errors under the field <c>StartTime</c>) and the end time (errors under
    /// <c>DurationMinutes</c>, the request's field, which the form shows at the end time). An end not after the start
    /// gives 0 minutes, which the request's validator names ("the end lies before the start").
    /// </summary>
    public static (TimeOnly Start, int Minutes) Read(FormFields form, string? startTime, string? endTime)
    {
        var start = form.Time(startTime, "StartTime");
        var end = form.Time(endTime, "DurationMinutes");
        return (start, end > start ? (int)(end - start).TotalMinutes : 0);
    }
}
