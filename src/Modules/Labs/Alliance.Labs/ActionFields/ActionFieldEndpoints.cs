using Alliance.Shared.Web;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Alliance.Labs.ActionFields;

internal static class ActionFieldEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/action-fields", async Task<Ok<IReadOnlyList<ActionFieldItem>>> (IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListActionFields(), ct)))
            .WithName("ListActionFields").WithSummary("Lists the action fields (Handlungsfelder) with their number of labs.");

        api.MapPost("/action-fields", async Task<Created<IdResponse>> (IMediator mediator, CreateActionField command, CancellationToken ct) =>
            {
                var id = await mediator.Send(command, ct);
                return TypedResults.Created($"/api/labs/action-fields/{id}", new IdResponse(id));
            })
            .RequireAuthorization(Policies.Staff)
            .WithName("CreateActionField").WithSummary("Creates an action field (staff).").ProducesValidationProblem();
    }
}
