namespace Alliance.Host.Startup;

internal static class HangfireStatsGuard
{
    /// <summary>
    /// The dashboard's live counters (<c>/jobs/stats</c>) are read by its own script with a form POST; Hangfire
    /// reads the form without checking, so a GET or a non-form body ended in a 500. Those answer 405/415 here.
    /// </summary>
    public static void UseHangfireStatsGuard(this IApplicationBuilder app, string dashboardPath) =>
        app.Use((context, next) =>
        {
            if (!context.Request.Path.Equals(dashboardPath + "/stats", StringComparison.OrdinalIgnoreCase))
            {
                return next(context);
            }

            if (!HttpMethods.IsPost(context.Request.Method))
            {
                context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
                context.Response.Headers.Allow = HttpMethods.Post;
                return Task.CompletedTask;
            }

            if (!context.Request.HasFormContentType)
            {
                context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
                // The status page is rendered by re-executing the request, which a page only answers as a GET.
                context.Request.Method = HttpMethods.Get;
                return Task.CompletedTask;
            }

            return next(context);
        });
}
