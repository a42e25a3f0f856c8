using Alliance.Labs.Domain;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Alliance.Labs.Membership;

internal static class MembershipEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        // A request is read on its lab (GetLabPage: the caller's own pending request, the managers' list of requests).
        api.MapPost("/{labId:guid}/membership-requests", (IMediator mediator, Guid labId, RequestBody body, CancellationToken ct) => Reply.Created(mediator.Send(new RequestMembership(labId, body.Motivation ?? ""), ct), _ => $"/api/labs/{labId}"))
            .WithName("RequestLabMembership").WithSummary("Asks to join a lab for the caller's organisation, with a motivation; 409 when member or pending.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        api.MapPost("/membership-requests/{requestId:guid}/approve", async (IMediator mediator, Guid requestId, ApproveBody? body, CancellationToken ct) => TypedResults.Ok(new IdResponse(await mediator.Send(new ApproveMembership(requestId, body?.Role ?? MembershipRole.Partner), ct))))
            .WithName("ApproveLabMembership").WithSummary("Approves a request with a role (coordinator or staff); a repeated approval returns the same membership.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        api.MapPost("/membership-requests/{requestId:guid}/decline", (IMediator mediator, Guid requestId, DeclineBody body, CancellationToken ct) => Reply.NoContent(mediator.Send(new DeclineMembership(requestId, body.Reason ?? ""), ct)))
            .WithName("DeclineLabMembership").WithSummary("Declines a request with a reason (coordinator or staff).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        api.MapPut("/memberships/{membershipId:guid}/role", (IMediator mediator, Guid membershipId, ApproveBody body, CancellationToken ct) => Reply.NoContent(mediator.Send(new ChangeMemberRole(membershipId, body.Role), ct)))
            .WithName("ChangeLabMemberRole").WithSummary("Sets a member's role: lead partner, partner or observer (coordinator or staff).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        api.MapDelete("/memberships/{membershipId:guid}", (IMediator mediator, Guid membershipId, CancellationToken ct) => Reply.NoContent(mediator.Send(new LeaveLab(membershipId), ct)))
            .WithName("LeaveLab").WithSummary("Ends a membership: the organisation leaves, or the coordinator/staff remove it.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    internal sealed record RequestBody(string? Motivation);

    internal sealed record ApproveBody(MembershipRole Role);

    internal sealed record DeclineBody(string? Reason);
}
