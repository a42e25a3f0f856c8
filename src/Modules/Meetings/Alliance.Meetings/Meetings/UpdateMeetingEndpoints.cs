using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Alliance.Meetings.Meetings;

/// <summary>PUT /api/meetings/{id}/details: a single meeting's title, capacity and delegate limit.</summary>
internal static class UpdateMeetingEndpoints
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapPut("/{id:guid}/details", async Task<NoContent> (Guid id, UpdateMeetingBody body, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new UpdateMeeting(id, body.Title, body.Capacity, body.DelegateLimit, body.Version), ct);
                return TypedResults.NoContent();
            })
            .WithName("UpdateMeeting").WithSummary("Changes a meeting's title, capacity and delegate limit; more seats move waiting people up.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
}

/// <summary>Body of <see cref="UpdateMeetingEndpoints"/>.</summary>
internal sealed record UpdateMeetingBody(string Title, int Capacity, int? DelegateLimit, uint Version);
