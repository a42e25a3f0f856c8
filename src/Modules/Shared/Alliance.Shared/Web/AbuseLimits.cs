using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Alliance.Shared.Localization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Alliance.Shared.Web;

/// <summary>
/// Per-IP limits (ASP.NET Core's rate limiter) for the anonymous doors a stranger can knock on: sign-in,
/// "forgot password", token links (invitation, password reset) and calendar feeds. An endpoint or page opts in
/// with <c>.RequireRateLimiting(AbuseLimits.SignIn)</c> or <c>@attribute [EnableRateLimiting(AbuseLimits.SignIn)]</c>.
/// Per-account limits (growing sign-in delays, reset mails per address) live in the Members use cases.
/// Each limit is a fixed window: <c>Security:RateLimits:{Name}:PermitLimit</c> requests per
/// <c>Security:RateLimits:{Name}:Window</c>, counted per client IP (behind a reverse proxy: the forwarded one).
/// </summary>
public static class AbuseLimits
{
    /// <summary>Sign-in attempts (form posts and API); viewing the sign-in page is not counted.</summary>
    public const string SignIn = "SignIn";

    /// <summary>"Forgot password" and "set a new password" submissions.</summary>
    public const string PasswordReset = "PasswordReset";

    /// <summary>Anything that checks a token from a link: invitation and reset pages and their API (every method).</summary>
    public const string TokenLink = "TokenLink";

    /// <summary>Anonymous calendar feeds (token in the URL).</summary>
    public const string CalendarFeed = "CalendarFeed";

    /// <summary>The defaults: (requests, window) per client IP.</summary>
    public static readonly IReadOnlyDictionary<string, (int PermitLimit, TimeSpan Window)> Defaults = new Dictionary<string, (int, TimeSpan)>
    {
        [SignIn] = (20, TimeSpan.FromMinutes(1)),
        [PasswordReset] = (10, TimeSpan.FromMinutes(15)),
        [TokenLink] = (30, TimeSpan.FromMinutes(1)),
        [CalendarFeed] = (60, TimeSpan.FromMinutes(1)),
    };

    /// <summary>The configured (or default) limit of one policy.</summary>
    public static (int PermitLimit, TimeSpan Window) Limit(IConfiguration configuration, string name)
    {
        var section = configuration.GetSection($"Security:RateLimits:{name}");
        var (permit, window) = Defaults[name];
        return (section.GetValue("PermitLimit", permit), section.GetValue("Window", window));
    }

    public static IServiceCollection AddAbuseLimits(this IServiceCollection services, IConfiguration configuration) =>
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = RejectAsync;
            foreach (var name in Defaults.Keys)
            {
                var (permit, window) = Limit(configuration, name);
                var countsReads = name != SignIn && name != PasswordReset;
                limiter.AddPolicy(name, context =>
                    !countsReads && (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
                        ? RateLimitPartition.GetNoLimiter(string.Empty)
                        : RateLimitPartition.GetFixedWindowLimiter(ClientAddress(context), _ => new FixedWindowRateLimiterOptions
                        {
                            PermitLimit = permit,
                            Window = window,
                            QueueLimit = 0,
                            AutoReplenishment = true,
                        }));
            }
        });

    /// <summary>The client's address (after the forwarded-headers middleware, the one the proxy reported).</summary>
    public static string ClientAddress(HttpContext context) =>
        (context.Connection.RemoteIpAddress ?? IPAddress.None).ToString();

    /// <summary>
    /// 429 with <c>Retry-After</c> (whole seconds). The API gets a localized problem; pages get the localized
    /// status page, which the status code pages middleware renders for the empty 429.
    /// </summary>
    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var http = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        SetRetryAfter(http.Response, retryAfter);
        if (http.Request.Path.StartsWithSegments("/api"))
        {
            var text = http.RequestServices.GetRequiredService<IStringLocalizer<SharedText>>();
            var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails = TooManyRequests(text, retryAfter),
            });
        }
        else
        {
            // The status page is rendered by re-executing the request; as a GET, or a refused form post would be
            // re-executed as a post without its antiforgery token (400 instead of the 429 page).
            http.Request.Method = HttpMethods.Get;
        }
    }

    /// <summary>The localized 429 problem (also used by per-account limits).</summary>
    public static ProblemDetails TooManyRequests(IStringLocalizer<SharedText> text, TimeSpan retryAfter) => new()
    {
        Status = StatusCodes.Status429TooManyRequests,
        Title = text["Problem_TooManyRequests"],
        Detail = RetryMessage(text, retryAfter),
    };

    /// <summary>"Please try again in 3 minutes." in the reader's language, with the right plural.</summary>
    public static string RetryMessage(IStringLocalizer<SharedText> text, TimeSpan retryAfter)
    {
        var seconds = Seconds(retryAfter);
        return seconds < 60
            ? text[seconds == 1 ? "RetryIn_Second" : "RetryIn_Seconds", seconds]
            : (int)Math.Ceiling(seconds / 60.0) is var minutes && minutes == 1
                ? text["RetryIn_Minute"]
                : text["RetryIn_Minutes", minutes];
    }

    /// <summary>Sets <c>Retry-After</c> when the response starts, so error pages re-executed later keep it.</summary>
    public static void SetRetryAfter(HttpResponse response, TimeSpan retryAfter)
    {
        var value = Seconds(retryAfter).ToString(CultureInfo.InvariantCulture);
        response.Headers.RetryAfter = value;
        response.OnStarting(() =>
        {
            response.Headers.RetryAfter = value;
            return Task.CompletedTask;
        });
    }

    private static int Seconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
}
