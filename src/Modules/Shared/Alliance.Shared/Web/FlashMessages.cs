using Microsoft.AspNetCore.Http;

namespace Alliance.Shared.Web;

/// <summary>
/// A one-time message for the next page ("Gespeichert."): a page sets it before it redirects after a successful
/// change; the layout's <c>FlashMessage</c> shows it once (role="status") and removes it. Kept in a short-lived
/// cookie, so it survives the redirect and works with and without Blazor's enhanced navigation. The text is
/// already localized by the page, in the language the person uses.
/// </summary>
public sealed class FlashMessages(IHttpContextAccessor http)
{
    /// <summary>The cookie that carries the message to the next page.</summary>
    public const string CookieName = "alliance_flash";

    private const int MaxLength = 300;
    private string? _taken;

    /// <summary>Shows <paramref name="text"/> as a success message on the next page this browser loads.</summary>
    public void Success(string text)
    {
        var context = http.HttpContext;
        if (context is null || context.Response.HasStarted || string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        var value = text.Length > MaxLength ? text[..MaxLength] : text;
        // The cookie API escapes the value (and Request.Cookies unescapes it).
        context.Response.Cookies.Append(CookieName, value, Options(context, TimeSpan.FromMinutes(1)));
    }

    /// <summary>The message for this page, if any; reading it removes it so a reload does not show it again.</summary>
    public string? Take()
    {
        if (_taken is not null)
        {
            return _taken;
        }

        var context = http.HttpContext;
        if (context is null || !context.Request.Cookies.TryGetValue(CookieName, out var raw) || string.IsNullOrEmpty(raw))
        {
            return null;
        }

        if (!context.Response.HasStarted)
        {
            context.Response.Cookies.Delete(CookieName, Options(context, null));
        }

        _taken = raw.Length > MaxLength ? raw[..MaxLength] : raw;
        return _taken;
    }

    private static CookieOptions Options(HttpContext context, TimeSpan? maxAge) => new()
    {
        Path = "/",
        HttpOnly = true,
        IsEssential = true,
        SameSite = SameSiteMode.Lax,
        Secure = context.Request.IsHttps,
        MaxAge = maxAge,
    };
}
