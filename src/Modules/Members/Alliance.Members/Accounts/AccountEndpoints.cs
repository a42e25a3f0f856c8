using Alliance.Members.Domain;
using Alliance.Members.Resources;
using Alliance.Shared.Localization;
using Alliance.Shared.Web;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

namespace Alliance.Members.Accounts;

internal static class AccountEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/members/account").WithTags("Members");

        api.MapPost("/login", async Task<Results<NoContent, ProblemHttpResult>> (
                IMediator mediator, SignIn command, HttpContext http, IStringLocalizer<MembersText> text, IStringLocalizer<SharedText> shared, CancellationToken ct) =>
            {
                var outcome = await mediator.Send(command, ct);
                switch (outcome.Result)
                {
                    case SignInResultKind.TooManyAttempts:
                        AbuseLimits.SetRetryAfter(http.Response, outcome.RetryAfter!.Value);
                        var problem = AbuseLimits.TooManyRequests(shared, outcome.RetryAfter.Value);
                        problem.Detail = $"{text["Login_TooManyAttempts"]} {problem.Detail}";
                        return TypedResults.Problem(problem);
                    case SignInResultKind.Failed:
                        // The title is stable for programs, the detail is the message for people (in their language).
                        return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed", detail: text["Login_Failed"]);
                    default:
                        SetLanguageCookie(http, outcome.PreferredLanguage);
                        return TypedResults.NoContent();
                }
            })
            .AllowAnonymous()
            .RequireRateLimiting(AbuseLimits.SignIn)
            .WithName("SignIn")
            .WithSummary("Signs in with e-mail and password and sets the login cookie. Too many attempts answer 429 with Retry-After.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        // The UI's sign-out form posts here; the form carries an antiforgery token, which minimal APIs check for form posts.
        endpoints.MapPost("/account/logout", async ([FromForm] string? returnUrl, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new SignOut(), ct);
                return TypedResults.LocalRedirect("/account/login");
            })
            .RequireAuthorization()
            .ExcludeFromDescription();

        api.MapPost("/logout", async Task<NoContent> (IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new SignOut(), ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization()
            .WithName("SignOut")
            .WithSummary("Signs out: every login cookie of the account stops working.");
    }

    /// <summary>After sign-in the UI speaks the person's preferred language.</summary>
    internal static void SetLanguageCookie(HttpContext http, string? language)
    {
        var culture = Cultures.Normalize(language);
        http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = false, Secure = http.Request.IsHttps });
    }
}
