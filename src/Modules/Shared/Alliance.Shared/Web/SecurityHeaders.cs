using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Alliance.Shared.Web;

/// <summary>
/// Headers every response carries: no MIME sniffing, no framing by other sites (clickjacking), and no full URLs
/// (which may carry tokens, e.g. invitation links) leaked to other sites in the Referer header.
/// </summary>
public static class SecurityHeaders
{
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            // Set when the response starts: the exception handler clears headers it finds before that.
            context.Response.OnStarting(static state =>
            {
                var headers = ((HttpResponse)state).Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                if (!headers.ContainsKey("Content-Security-Policy"))
                {
                    headers.ContentSecurityPolicy = "frame-ancestors 'none'";
                }

                return Task.CompletedTask;
            }, context.Response);
            return next(context);
        });
}
