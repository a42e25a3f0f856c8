using Alliance.Labs.Domain;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Alliance.Labs.Membership;

internal static class MembershipEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/{labId:guid}/membership-requests", async Task<Created<IdResponse>> (IMediator mediator, Guid labId, RequestBody body, CancellationToken ct) =>
            {
                var id = await mediator.Send(new RequestMembership(labId, body.Motivation ?? ""), ct);
                return TypedResults.Created($"/api/labs/{labId}", new IdResponse(id));
            })
            .WithName("RequestLabMembership").WithSummary("Asks to join a lab for the caller's organisation, with a motivation; 409 when member or pending.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        api.MapPost("/membership-requests/{requestId:guid}/approve", async Task<Ok<IdResponse>> (IMediator mediator, Guid requestId, ApproveBody? body, CancellationToken ct) =>
                TypedResults.Ok(new IdResponse(await mediator.Send(new ApproveMembership(requestId, body?.Role ?? MembershipRole.Partner), ct))))
            .WithName("ApproveLabMembership").WithSummary("Approves a request with a role (coordinator or staff); a repeated approval returns the same membership.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        api.MapPost("/membership-requests/{requestId:guid}/decline", async Task<NoContent> (IMediator mediator, Guid requestId, DeclineBody body, CancellationToken ct) =>
            {
                await mediator.Send(new DeclineMembership(requestId, body.Reason ?? ""), ct);
                return TypedResults.NoContent();
            })
            .WithName("DeclineLabMembership").WithSummary("Declines a request with a reason (coordinator or staff).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        api.MapPut("/memberships/{membershipId:guid}/role", async Task<NoContent> (IMediator mediator, Guid membershipId, ApproveBody body, CancellationToken ct) =>
            {
                await mediator.Send(new ChangeMemberRole(membershipId, body.Role), ct);
                return TypedResults.NoContent();
            })
            .WithName("ChangeLabMemberRole").WithSummary("Sets a member's role: lead partner, partner or observer (coordinator or staff).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        api.MapDelete("/memberships/{membershipId:guid}", async Task<NoContent> (IMediator mediator, Guid membershipId, CancellationToken ct) =>
            {
                await mediator.Send(new LeaveLab(membershipId), ct);
                return TypedResults.NoContent();
            })
            .WithName("LeaveLab").WithSummary("Ends a membership: the organisation leaves, or the coordinator/staff remove it.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    internal sealed record RequestBody(string? Motivation);

    internal sealed record ApproveBody(MembershipRole Role);

    internal sealed record DeclineBody(string? Reason);
}
