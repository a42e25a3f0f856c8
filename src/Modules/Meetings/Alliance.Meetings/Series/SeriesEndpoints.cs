using Alliance.Meetings.Meetings;
using Alliance.Shared.Contracts;
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
        api.MapGet("/series", async Task<Ok<PagedResult<SeriesListItem>>> (IMediator mediator, int? page, int? pageSize, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListSeries(page ?? 1, pageSize ?? Paging.DefaultPageSize), ct)))
            .WithName("ListSeries").WithSummary("The series (staff; paged), the next date first, with each rule in words.");

        api.MapGet("/series/{seriesId:guid}", async Task<Ok<SeriesDetails>> (Guid seriesId, IMediator mediator, bool? past, int? page, int? pageSize, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetSeries(seriesId, past ?? false, page ?? 1, pageSize ?? Paging.DefaultPageSize), ct)))
            .WithName("GetSeries").WithSummary("One series with its rule in words and a page of its upcoming (or past) occurrences.");

        api.MapPost("/series/preview", async Task<Ok<SeriesPreview>> (PreviewSeries command, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(command, ct)))
            .WithName("PreviewSeries").WithSummary("A series' rule in words and its next five dates, as they would be created; nothing is stored.")
            .ProducesValidationProblem();

        api.MapPost("/series/{seriesId:guid}/end", async Task<Ok<int>> (Guid seriesId, EndSeriesBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new EndSeries(seriesId, body.LastDate, body.Version), ct)))
            .WithName("EndSeries").WithSummary("Ends a series after a date (UNTIL); later occurrences are cancelled and their registrants told.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);

        api.MapPost("/series", async Task<Created<IdResponse>> (CreateSeries command, IMediator mediator, CancellationToken ct) =>
                Created(await mediator.Send(command, ct)))
            .WithName("CreateSeries").WithSummary("Creates a recurring series (RRULE) and materialises its occurrences within the horizon.")
            .ProducesValidationProblem();

        api.MapPut("/series/{seriesId:guid}", async Task<Ok<int>> (Guid seriesId, UpdateSeriesBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new UpdateSeries(seriesId, body.StartTime, body.DurationMinutes, body.Place, body.OnlineLink, body.Capacity,
                    body.DelegateLimit, body.ReminderDaysBefore, body.Version, body.RecurrenceRule), ct)))
            .WithName("UpdateSeries").WithSummary("Changes a series (optionally its RRULE, from now on); only future occurrences follow (registrants are told).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);

        api.MapPost("/series/{seriesId:guid}/feed-token", async Task<Ok<Calendar.FeedLinks>> (Guid seriesId, IMediator mediator, Shared.Mail.EmailComposer composer, CancellationToken ct) =>
            {
                var token = await mediator.Send(new RenewSeriesFeed(seriesId), ct);
                return TypedResults.Ok(new Calendar.FeedLinks(token, composer.Link($"/calendar/series/{token}.ics")));
            })
            .WithName("RenewSeriesCalendarFeed").WithSummary("Gives the series' calendar feed a new address (its managers); the old address stops working.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static Created<IdResponse> Created(Guid id) => TypedResults.Created($"/api/meetings/series/{id}", new IdResponse(id));

    internal sealed record EndSeriesBody(DateOnly LastDate, uint Version);

    internal sealed record UpdateSeriesBody(TimeOnly StartTime, int DurationMinutes, string? Place, string? OnlineLink, int Capacity, int? DelegateLimit,
        IReadOnlyList<int>? ReminderDaysBefore, uint Version, string? RecurrenceRule = null);
}
