using Alliance.Meetings.Meetings;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Alliance.Meetings.Series;

internal static class SeriesEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/series", async Task<Created<IdResponse>> (CreateSeries command, IMediator mediator, CancellationToken ct) =>
                Created(await mediator.Send(command, ct)))
            .WithName("CreateSeries").WithSummary("Creates a recurring series (RRULE) and materialises its occurrences within the horizon.")
            .ProducesValidationProblem();

        api.MapPut("/series/{seriesId:guid}", async Task<Ok<int>> (Guid seriesId, UpdateSeriesBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new UpdateSeries(seriesId, body.StartTime, body.DurationMinutes, body.Place, body.OnlineLink, body.Capacity,
                    body.DelegateLimit, body.ReminderDaysBefore, body.Version), ct)))
            .WithName("UpdateSeries").WithSummary("Changes a series; only future occurrences that follow the series change (registrants are told).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static Created<IdResponse> Created(Guid id) => TypedResults.Created($"/api/meetings/series/{id}", new IdResponse(id));

    internal sealed record UpdateSeriesBody(TimeOnly StartTime, int DurationMinutes, string? Place, string? OnlineLink, int Capacity, int? DelegateLimit,
        IReadOnlyList<int>? ReminderDaysBefore, uint Version);
}
