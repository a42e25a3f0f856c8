using Alliance.Members.Domain;
using Alliance.Members.Resources;
using Alliance.Shared.Localization;
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
                IMediator mediator, SignIn command, HttpContext http, IStringLocalizer<MembersText> text, CancellationToken ct) =>
            {
                var outcome = await mediator.Send(command, ct);
                if (outcome.Result != SignInResultKind.Succeeded)
                {
                    // The title is stable for programs, the detail is the message for people (in their language).
                    var lockedOut = outcome.Result == SignInResultKind.LockedOut;
                    return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized,
                        title: lockedOut ? "Locked out" : "Sign-in failed",
                        detail: text[lockedOut ? "Login_LockedOut" : "Login_Failed"]);
                }

                SetLanguageCookie(http, outcome.PreferredLanguage);
                return TypedResults.NoContent();
            })
            .AllowAnonymous()
            .WithName("SignIn")
            .WithSummary("Signs in with e-mail and password and sets the login cookie.")
            .ProducesValidationProblem();

        // The UI's sign-out form posts here; the form carries an antiforgery token, which minimal APIs check for form posts.
        endpoints.MapPost("/account/logout", async ([FromForm] string? returnUrl, SignInManager<UserAccount> signIn) =>
            {
                await signIn.SignOutAsync();
                return TypedResults.LocalRedirect("/account/login");
            })
            .RequireAuthorization()
            .ExcludeFromDescription();

        api.MapPost("/logout", async Task<NoContent> (SignInManager<UserAccount> signIn) =>
            {
                await signIn.SignOutAsync();
                return TypedResults.NoContent();
            })
            .RequireAuthorization()
            .WithName("SignOut")
            .WithSummary("Signs out.");
    }

    /// <summary>After sign-in the UI speaks the person's preferred language.</summary>
    internal static void SetLanguageCookie(HttpContext http, string? language)
    {
        var culture = Cultures.Normalize(language);
        http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = false });
    }
}
