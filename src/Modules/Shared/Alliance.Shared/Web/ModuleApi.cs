using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Alliance.Shared.Web;

public static class ModuleApi
{
    /// <summary>
    /// The route group of a module's API: <c>/api/{module}</c>, signed-in users only, one OpenAPI tag,
    /// and the problem responses every endpoint may give.
    /// </summary>
    public static RouteGroupBuilder MapModuleApi(this IEndpointRouteBuilder endpoints, string module, string tag)
    {
        return endpoints.MapGroup($"/api/{module}")
            .RequireAuthorization()
            .WithTags(tag)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status500InternalServerError);
    }
}
