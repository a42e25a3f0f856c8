using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Alliance.Notifications.Preferences;

internal static class PreferenceEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/preferences", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new GetMyNotificationPreferences(), ct)))
            .WithName("GetMyNotificationPreferences").WithSummary("Per kind: in-app only (mail false) or in-app and by e-mail; mailConsent false means no mail at all.");

        api.MapPut("/preferences", async Task<NoContent> (IMediator mediator, UpdateMyNotificationPreferences body, CancellationToken ct) =>
            {
                await mediator.Send(body, ct);
                return TypedResults.NoContent();
            })
            .WithName("UpdateMyNotificationPreferences").WithSummary("Sets the caller's choices for the kinds given ({ choices: [{ kind, mail }] }).")
            .ProducesValidationProblem();
    }
}
