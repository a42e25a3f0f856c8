using Alliance.Labs.Domain;
using Alliance.Shared.Contracts;
using Alliance.Shared.Web;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Alliance.Labs.Proposals;

internal static class ProposalEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var proposals = api.MapGroup("/proposals");

        proposals.MapGet("/", async Task<Ok<PagedResult<ProposalListItem>>> (
                IMediator mediator, ProposalStatus? status, ProposalSort? sort, int? page, int? pageSize, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListProposals(status, sort ?? ProposalSort.Supports, page ?? 1, pageSize ?? Paging.DefaultPageSize), ct)))
            .WithName("ListProposals").WithSummary("Lists topic proposals (paged), sorted by supports or age.");

        proposals.MapGet("/{proposalId:guid}", async Task<Ok<ProposalView>> (IMediator mediator, Guid proposalId, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetProposal(proposalId), ct)))
            .WithName("GetProposal").WithSummary("One proposal with its supporters and the office's answer.").ProducesProblem(StatusCodes.Status404NotFound);

        proposals.MapPost("/", async Task<Created<IdResponse>> (IMediator mediator, CreateProposal command, CancellationToken ct) =>
            {
                var id = await mediator.Send(command, ct);
                return TypedResults.Created($"/api/labs/proposals/{id}", new IdResponse(id));
            })
            .WithName("CreateProposal").WithSummary("Proposes a topic for the caller's organisation (description up to 10,000 characters).")
            .ProducesValidationProblem();

        proposals.MapPut("/{proposalId:guid}", async Task<NoContent> (IMediator mediator, Guid proposalId, UpdateProposal command, CancellationToken ct) =>
            {
                await mediator.Send(command with { ProposalId = proposalId }, ct);
                return TypedResults.NoContent();
            })
            .WithName("UpdateProposal").WithSummary("Edits an open proposal (its organisation or staff); 409 when answered or stale.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        proposals.MapPost("/{proposalId:guid}/supports", async Task<NoContent> (IMediator mediator, Guid proposalId, CancellationToken ct) =>
            {
                await mediator.Send(new SupportProposal(proposalId), ct);
                return TypedResults.NoContent();
            })
            .WithName("SupportProposal").WithSummary("The caller's organisation supports a proposal (once; not its own).")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        proposals.MapDelete("/{proposalId:guid}/supports", async Task<NoContent> (IMediator mediator, Guid proposalId, CancellationToken ct) =>
            {
                await mediator.Send(new WithdrawSupport(proposalId), ct);
                return TypedResults.NoContent();
            })
            .WithName("WithdrawProposalSupport").WithSummary("The caller's organisation withdraws its support.").ProducesProblem(StatusCodes.Status404NotFound);

        proposals.MapPost("/{proposalId:guid}/answer", async Task<Ok<AnswerResponse>> (IMediator mediator, Guid proposalId, AnswerProposal command, CancellationToken ct) =>
                TypedResults.Ok(new AnswerResponse(await mediator.Send(command with { ProposalId = proposalId }, ct))))
            .RequireAuthorization(Policies.Staff)
            .WithName("AnswerProposal").WithSummary("Staff answer: take into a lab (existing or new), merge, or decline with a reason.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    internal sealed record AnswerResponse(Guid? LabId);
}
