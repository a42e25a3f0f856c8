using Alliance.Shared.Web;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Alliance.Members.Accounts;

internal static class PasswordResetEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/members/account").WithTags("Members").AllowAnonymous()
            .RequireRateLimiting(AbuseLimits.PasswordReset)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        api.MapPost("/forgot-password", async Task<Accepted> (IMediator mediator, RequestPasswordReset command, CancellationToken ct) =>
            {
                await mediator.Send(command, ct);
                return TypedResults.Accepted((string?)null);
            })
            .WithName("RequestPasswordReset")
            .WithSummary("Mails a password reset link if the address has an account; the answer is the same either way.")
            .ProducesValidationProblem();

        api.MapPost("/reset-password", async Task<NoContent> (IMediator mediator, ResetPassword command, CancellationToken ct) =>
            {
                await mediator.Send(command, ct);
                return TypedResults.NoContent();
            })
            .WithName("ResetPassword")
            .WithSummary("Sets a new password with the token from the reset mail (usable once).")
            .ProducesValidationProblem();
    }
}
