using Alliance.Labs.Domain;
using Alliance.Shared.Contracts;
using Alliance.Shared.Web;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Alliance.Labs.Proposals;

internal static class ProposalEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var proposals = api.MapGroup("/proposals");

        proposals.MapGet("/", (IMediator mediator, ProposalStatus? status, ProposalSort? sort, int? page, int? pageSize, CancellationToken ct) => Reply.Ok(mediator.Send(new ListProposals(status, sort ?? ProposalSort.Supports, page ?? 1, pageSize ?? Paging.DefaultPageSize), ct)))
            .WithName("ListProposals").WithSummary("Lists topic proposals (paged), sorted by supports or age.");

        proposals.MapGet("/{proposalId:guid}", (IMediator mediator, Guid proposalId, CancellationToken ct) => Reply.Ok(mediator.Send(new GetProposal(proposalId), ct)))
            .WithName("GetProposal").WithSummary("One proposal with its supporters, the office's answer and what the caller may do.").ProducesProblem(StatusCodes.Status404NotFound);

        proposals.MapPost("/", (IMediator mediator, CreateProposal command, CancellationToken ct) => Reply.Created(mediator.Send(command, ct), id => $"/api/labs/proposals/{id}"))
            .WithName("CreateProposal").WithSummary("Proposes a topic for the caller's organisation (description up to 10,000 characters).")
            .ProducesValidationProblem();

        proposals.MapPut("/{proposalId:guid}", (IMediator mediator, Guid proposalId, UpdateProposal command, CancellationToken ct) => Reply.NoContent(mediator.Send(command with { ProposalId = proposalId }, ct)))
            .WithName("UpdateProposal").WithSummary("Edits an open proposal (its organisation or staff); 409 when answered or stale.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        proposals.MapPost("/{proposalId:guid}/supports", (IMediator mediator, Guid proposalId, CancellationToken ct) => Reply.NoContent(mediator.Send(new SupportProposal(proposalId), ct)))
            .WithName("SupportProposal").WithSummary("The caller's organisation supports a proposal (once; not its own).")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        proposals.MapDelete("/{proposalId:guid}/supports", (IMediator mediator, Guid proposalId, CancellationToken ct) => Reply.NoContent(mediator.Send(new WithdrawSupport(proposalId), ct)))
            .WithName("WithdrawProposalSupport").WithSummary("The caller's organisation withdraws its support.").ProducesProblem(StatusCodes.Status404NotFound);

        proposals.MapPost("/{proposalId:guid}/answer", async (IMediator mediator, Guid proposalId, AnswerProposal command, CancellationToken ct) => TypedResults.Ok(new AnswerResponse(await mediator.Send(command with { ProposalId = proposalId }, ct))))
            .RequireAuthorization(Policies.Staff)
            .WithName("AnswerProposal").WithSummary("Staff answer: take into a lab (existing or new), merge, or decline with a reason.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    internal sealed record AnswerResponse(Guid? LabId);
}
