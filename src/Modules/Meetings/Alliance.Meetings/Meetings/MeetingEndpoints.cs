using Alliance.Shared.Contracts;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Alliance.Meetings.Meetings;

internal static class MeetingEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        UpdateMeetingEndpoints.Map(api);
        api.MapGet("/", async Task<Ok<PagedResult<MeetingListItem>>> (IMediator mediator, bool? past, string? search, int? page, int? pageSize, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListMeetings(past ?? false, search, page ?? 1, pageSize ?? Paging.DefaultPageSize), ct)))
            .WithName("ListMeetings").WithSummary("Upcoming or past meetings the caller may see (paged), with seat and waitlist counts.");

        api.MapGet("/{id:guid}", async Task<Ok<MeetingDetails>> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetMeeting(id), ct)))
            .WithName("GetMeeting").WithSummary("One meeting with agenda, decisions, polls and the caller's registration.");

        api.MapPost("/", async Task<Created<IdResponse>> (CreateMeeting command, IMediator mediator, CancellationToken ct) =>
                Created(await mediator.Send(command, ct)))
            .WithName("CreateMeeting").WithSummary("Creates a single meeting and invites its audience.").ProducesValidationProblem();

        api.MapPut("/{id:guid}/schedule", async Task<NoContent> (Guid id, MoveBody body, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new MoveMeeting(id, body.StartsAtLocal, body.EndsAtLocal, body.Place, body.OnlineLink, body.Version), ct).NoContent())
            .WithName("MoveMeeting").WithSummary("Moves one meeting or occurrence; registrants are told.").ProducesValidationProblem();

        api.MapPost("/{id:guid}/cancel", async Task<NoContent> (Guid id, CancelBody? body, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new CancelMeeting(id, body?.Reason), ct).NoContent())
            .WithName("CancelMeeting").WithSummary("Cancels one meeting or occurrence (optional reason); registrants are told.").ProducesValidationProblem();

        api.MapPost("/{id:guid}/reinstate", async Task<NoContent> (Guid id, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new ReinstateMeeting(id), ct).NoContent())
            .WithName("ReinstateMeeting").WithSummary("Withdraws the cancellation of an upcoming meeting (staff); registrations stay, everyone is told.");
    }

    private static Created<IdResponse> Created(Guid id) => TypedResults.Created($"/api/meetings/{id}", new IdResponse(id));

    internal sealed record MoveBody(DateTime StartsAtLocal, DateTime EndsAtLocal, string? Place, string? OnlineLink, uint Version);

    internal sealed record CancelBody(string? Reason);
}

