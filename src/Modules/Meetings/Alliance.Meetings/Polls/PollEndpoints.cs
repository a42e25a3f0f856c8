using Alliance.Meetings.Meetings;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Alliance.Meetings.Polls;

internal static class PollEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/{id:guid}/polls", async Task<Created<IdResponse>> (Guid id, PollBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Created($"/api/meetings/{id}", new IdResponse(await mediator.Send(new OpenPoll(id, body.AgendaItemId, body.Question, body.Options, body.MultipleChoice), ct))))
            .WithName("OpenPoll").WithSummary("Opens a straw poll.").ProducesValidationProblem();

        api.MapPost("/polls/{pollId:guid}/votes", async Task<NoContent> (Guid pollId, VoteBody body, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new CastVote(pollId, body.OptionIndexes, body.OrganizationId, body.Change), ct).NoContent())
            .WithName("CastVote").WithSummary("Votes for one's organisation (one vote per organisation; change=true replaces it).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);

        api.MapPost("/polls/{pollId:guid}/close", async Task<Ok<IReadOnlyList<PollOptionResult>>> (Guid pollId, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ClosePoll(pollId), ct)))
            .WithName("ClosePoll").WithSummary("Closes a poll and writes its result into the minutes.");
    }

    internal sealed record PollBody(Guid? AgendaItemId, string Question, IReadOnlyList<string> Options, bool MultipleChoice);

    // "organizationId" and "change" may be left out (the own organisation, a first vote): the kernel's JSON rules
    // require every parameter without a default.
    internal sealed record VoteBody(IReadOnlyList<int> OptionIndexes, Guid? OrganizationId = null, bool Change = false);
}
