using Alliance.Shared.Web;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Alliance.Members.Me;

internal static class ProfileEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapModuleApi("members", "Members").MapGroup("/me");

        api.MapGet("/", async Task<Ok<MyProfile>> (IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetMyProfile(), ct)))
            .WithName("GetMyProfile")
            .WithSummary("The signed-in person's own profile, with the version to send back when saving.");

        api.MapPut("/", async Task<NoContent> (IMediator mediator, UpdateMyProfile command, CancellationToken ct) =>
            {
                await mediator.Send(command, ct);
                return TypedResults.NoContent();
            })
            .WithName("UpdateMyProfile")
            .WithSummary("Saves the own profile (names, phone, function, language, consents); 409 when someone saved in between.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        api.MapPost("/password", async Task<NoContent> (IMediator mediator, ChangeMyPassword command, CancellationToken ct) =>
            {
                await mediator.Send(command, ct);
                return TypedResults.NoContent();
            })
            .WithName("ChangeMyPassword")
            .WithSummary("Changes the own password (needs the current one).")
            .ProducesValidationProblem();
    }
}
