using Alliance.Members.Organizations;
using Alliance.Shared.Web;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Alliance.Members.Privacy;

internal static class PrivacyEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapModuleApi("members", "Members");

        api.MapGet("/privacy/my-data", async Task<IResult> (IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new DownloadMyData(), ct)).ToResult(ct))
            .WithName("DownloadMyData")
            .WithSummary("Everything Alliance stores about the signed-in person, from every module, as a JSON download.");

        api.MapPost("/people/{id:guid}/erase", async Task<NoContent> (IMediator mediator, Guid id, CancellationToken ct) =>
            {
                await mediator.Send(new ErasePerson(id), ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.Staff)
            .WithName("ErasePerson")
            .WithSummary("Erases a person: anonymised everywhere, account and invitations deleted, counts kept (staff). Erasing twice is a 409.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}
