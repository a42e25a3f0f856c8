using Alliance.Host.Components;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Alliance.Host.Startup;

/// <summary>
/// A page form whose antiforgery token failed (the browser lost its antiforgery cookie — restarted with the tab
/// restored, cookies deleted — or the post did not come from our page) answers 400 with the localized "form expired"
/// page (<c>/status/400</c>, in the layout and the user's language) instead of the framework's bare English developer
/// text. Nothing is saved either way: the form's endpoint does not run. API requests keep their problem details.
/// </summary>
internal static class FormTokenCheck
{
    /// <summary>Runs after <c>UseAntiforgery</c>, which records the outcome of its check in <see cref="IAntiforgeryValidationFeature"/>.</summary>
    public static IApplicationBuilder UseFriendlyFormTokenFailures(this IApplicationBuilder app, Func<PathString, bool> isApi) =>
        app.Use(async (context, next) =>
        {
            // Only a token that is missing or wrong: a form that could not be read (over the body limit: 413, a
            // BadHttpRequestException, an IOException, inside the antiforgery exception) keeps its own answer.
            if (context.Features.Get<IAntiforgeryValidationFeature>() is not { IsValid: false, Error: AntiforgeryValidationException { InnerException: not IOException } }
                || isApi(context.Request.Path))
            {
                await next(context);
                return;
            }

            // The app's root component renders the status page as the router finds it for this path: a GET, so no form
            // handler is looked for and no token checked again. The status code pages are not used here: they do not
            // re-execute for a component endpoint's form post.
            context.Request.Method = HttpMethods.Get;
            context.Request.Path = "/status/400";
            context.Request.QueryString = new QueryString("?form=expired");
            await new RazorComponentResult<App> { StatusCode = StatusCodes.Status400BadRequest }.ExecuteAsync(context);
        });
}
