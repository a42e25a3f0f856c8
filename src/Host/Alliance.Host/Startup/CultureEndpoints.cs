using Alliance.Shared.Localization;
using Alliance.Shared.Web;
using Microsoft.AspNetCore.Localization;

namespace Alliance.Host.Startup;

internal static class CultureEndpoints
{
    /// <summary>The language switch: remembers the choice in the culture cookie and goes back to the page.</summary>
    public static void MapCultureSwitch(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/culture/{culture}", (string culture, string? returnUrl, HttpContext http) =>
            {
                http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(Cultures.Normalize(culture))),
                    new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax, Secure = http.Request.IsHttps });
                // "/\evil" and the like would leave the site: anything not plainly local goes home.
                return Results.LocalRedirect(LocalUrl.OrDefault(returnUrl));
            })
            .AllowAnonymous()
            .ExcludeFromDescription();
}
