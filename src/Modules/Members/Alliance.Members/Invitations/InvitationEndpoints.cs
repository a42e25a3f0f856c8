using Alliance.Members.Accounts;
using Alliance.Members.Resources;
using Alliance.Shared.Errors;
using Alliance.Shared.Web;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

namespace Alliance.Members.Invitations;

internal static class InvitationEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapModuleApi("members", "Members").MapGroup("/invitations")
            .MapPost("/", async Task<Created<InvitationCreated>> (IMediator mediator, InvitePerson command, CancellationToken ct) =>
            {
                var created = await mediator.Send(command, ct);
                // An invitation is read only through its token link (the credential, GET /api/members/account/invitations/{token});
                // staff follow it on the invited person (HasAccount once accepted), so the 201 points at her.
                return TypedResults.Created($"/api/members/people/{created.PersonId}", created);
            })
            .RequireAuthorization(Policies.Staff)
            .WithName("InvitePerson")
            .WithSummary("Invites a person (existing without account, or new) to set a password; mails a one-time link valid for 7 days (staff).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        // The token is the credential: anonymous, like the page the link opens.
        var anonymous = endpoints.MapGroup("/api/members/account/invitations").WithTags("Members").AllowAnonymous()
            .RequireRateLimiting(AbuseLimits.TokenLink)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        anonymous.MapGet("/{token}", async Task<Ok<InvitationView>> (
                IMediator mediator, IStringLocalizer<AccountText> text, string token, CancellationToken ct) =>
            {
                var view = await mediator.Send(new GetInvitation(token), ct);
                // An unknown link is a 404 problem, like accepting it: what the token-guess limit counts.
                return view.Status == InvitationStatus.Unknown
                    ? throw new NotFoundException(text["Invitation_Unknown"])
                    : TypedResults.Ok(view);
            })
            .WithName("GetInvitation")
            .WithSummary("Whom an invitation link is for and whether it can still be used (status Open, Used, Expired, AccountExists); 404 for a link that does not exist.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        anonymous.MapPost("/{token}/accept", async Task<NoContent> (
                IMediator mediator, string token, AcceptInvitationBody body, HttpContext http, CancellationToken ct) =>
            {
                var accepted = await mediator.Send(new AcceptInvitation(token, body.Password, body.ConfirmPassword), ct);
                AccountEndpoints.SetLanguageCookie(http, accepted.PreferredLanguage);
                return TypedResults.NoContent();
            })
            .WithName("AcceptInvitation")
            .WithSummary("Sets the password from an invitation, creates the account and signs in; 404 unknown link, 409 used or expired.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}

internal sealed record AcceptInvitationBody(string? Password, string? ConfirmPassword);
