using Alliance.Shared.Web;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Alliance.Labs.ActionFields;

internal static class ActionFieldEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/action-fields", (IMediator mediator, CancellationToken ct) => Reply.Ok(mediator.Send(new ListActionFields(), ct)))
            .WithName("ListActionFields").WithSummary("Lists the action fields (Handlungsfelder) with their number of labs.");

        api.MapGet("/action-fields/{actionFieldId:guid}", (IMediator mediator, Guid actionFieldId, CancellationToken ct) => Reply.Ok(mediator.Send(new GetActionField(actionFieldId), ct)))
            .WithName("GetActionField").WithSummary("One action field (Handlungsfeld) with its number of labs.").ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/action-fields", (IMediator mediator, CreateActionField command, CancellationToken ct) => Reply.Created(mediator.Send(command, ct), id => $"/api/labs/action-fields/{id}"))
            .RequireAuthorization(Policies.Staff)
            .WithName("CreateActionField").WithSummary("Creates an action field (staff).").ProducesValidationProblem();
    }
}
