using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Alliance.Shared.Web;

/// <summary>
/// Headers every response carries: no MIME sniffing, no framing by other sites (clickjacking), no full URLs
/// (which may carry tokens, e.g. invitation links) leaked to other sites in the Referer header, a script
/// Content-Security-Policy, no access to device features, and <c>Cache-Control: no-store</c> on everything
/// generated per request (pages, API answers, exports, feeds), so personal data stays out of shared and
/// browser caches. Static files (CSS, scripts, images) keep their caching.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// The application's policy. Pages load scripts only from this site (Blazor's <c>blazor.web.js</c>; static
    /// rendering and enhanced navigation need no inline script and no eval). Inline <c>style</c> attributes stay
    /// allowed (Blazor and the server-rendered SVG charts write them); they cannot run code.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// The API reference (Scalar) and the jobs dashboard (Hangfire) are tools for staff and administrators that
    /// ship their own inline start-up scripts; they get inline scripts, still nothing from other sites.
    /// </summary>
    public const string ToolContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>No page needs camera, microphone, location, payment or other device features.</summary>
    public const string PermissionsPolicy =
        "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=(), interest-cohort=()";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            // Set when the response starts: the exception handler clears headers it finds before that.
            context.Response.OnStarting(static state =>
            {
                var http = (HttpContext)state;
                var headers = http.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers["Permissions-Policy"] = PermissionsPolicy;
                if (!headers.ContainsKey("Content-Security-Policy"))
                {
                    headers.ContentSecurityPolicy = IsTool(FullPath(http)) ? ToolContentSecurityPolicy : ContentSecurityPolicy;
                }

                if (IsGenerated(http) && !headers.ContainsKey("Cache-Control"))
                {
                    headers.CacheControl = "no-store";
                    headers.Pragma = "no-cache";
                }

                return Task.CompletedTask;
            }, context);
            return next(context);
        });

    /// <summary>The path including a base a branch moved into <c>PathBase</c> (the dashboard is mapped at /jobs).</summary>
    private static PathString FullPath(HttpContext http) => http.Request.PathBase.Add(http.Request.Path);

    private static bool IsTool(PathString path) => path.StartsWithSegments("/api/docs") || path.StartsWithSegments("/jobs");

    /// <summary>
    /// Answers made per request: anything routed to an endpoint (pages, API, feeds, downloads) or the jobs
    /// dashboard, except the framework's own script and static assets.
    /// </summary>
    private static bool IsGenerated(HttpContext http)
    {
        var path = FullPath(http);
        if (path.StartsWithSegments("/_framework") || path.StartsWithSegments("/_content") || path.StartsWithSegments("/lib") || path.StartsWithSegments("/css"))
        {
            return false;
        }

        if (path.StartsWithSegments("/jobs"))
        {
            // The dashboard's own scripts and styles are versioned resources; its pages and JSON are data.
            // (Hangfire names them /jobs/js18250, /jobs/css18250, /jobs/fonts/...).
            var value = path.Value!;
            return !(value.StartsWith("/jobs/js", StringComparison.OrdinalIgnoreCase)
                || value.StartsWith("/jobs/css", StringComparison.OrdinalIgnoreCase)
                || value.StartsWith("/jobs/fonts", StringComparison.OrdinalIgnoreCase));
        }

        return http.GetEndpoint() is not null || http.Response.StatusCode >= 400;
    }
}
