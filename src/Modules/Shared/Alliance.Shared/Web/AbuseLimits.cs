using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Alliance.Shared.Errors;
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
/// Token links are counted per IP <em>and link</em>: colleagues behind one company proxy each use their own link
/// (a survey sent to a whole staff) without sharing one budget; guessing is bounded by <see cref="TokenGuess"/>, the
/// unknown tokens an IP may try per window before every token link refuses it.
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

    /// <summary>
    /// Unknown tokens (answered 404) on the <see cref="TokenLink"/> doors per client IP; once used up, every token link
    /// answers that IP 429 until the window ends. Not an endpoint policy: <see cref="UseTokenGuessThrottle"/> counts.
    /// </summary>
    public const string TokenGuess = "TokenGuess";

    /// <summary>The defaults: (requests, window) per client IP.</summary>
    public static readonly IReadOnlyDictionary<string, (int PermitLimit, TimeSpan Window)> Defaults = new Dictionary<string, (int, TimeSpan)>
    {
        [SignIn] = (20, TimeSpan.FromMinutes(1)),
        [PasswordReset] = (10, TimeSpan.FromMinutes(15)),
        [TokenLink] = (30, TimeSpan.FromMinutes(1)),
        [CalendarFeed] = (60, TimeSpan.FromMinutes(1)),
        [TokenGuess] = (30, TimeSpan.FromMinutes(1)),
    };

    /// <summary>The configured (or default) limit of one policy.</summary>
    public static (int PermitLimit, TimeSpan Window) Limit(IConfiguration configuration, string name)
    {
        var section = configuration.GetSection($"Security:RateLimits:{name}");
        var (permit, window) = Defaults[name];
        return (section.GetValue("PermitLimit", permit), section.GetValue("Window", window));
    }

    public static IServiceCollection AddAbuseLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(new TokenGuessThrottle(Limit(configuration, TokenGuess)));
        return services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (rejected, cancellationToken) => RefuseAsync(rejected.HttpContext,
                rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1));
            foreach (var name in Defaults.Keys.Where(name => name != TokenGuess))
            {
                var (permit, window) = Limit(configuration, name);
                var countsReads = name != SignIn && name != PasswordReset;
                limiter.AddPolicy(name, context =>
                    !countsReads && (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
                        ? RateLimitPartition.GetNoLimiter(string.Empty)
                        : RateLimitPartition.GetFixedWindowLimiter(
                            name == TokenLink ? $"{ClientAddress(context)} {context.Request.Path}" : ClientAddress(context),
                            _ => new FixedWindowRateLimiterOptions
                            {
                                PermitLimit = permit,
                                Window = window,
                                QueueLimit = 0,
                                AutoReplenishment = true,
                            }));
            }
        });
    }

    /// <summary>
    /// On the <see cref="TokenLink"/> doors (after the rate limiter): refuses an IP that has used up its
    /// <see cref="TokenGuess"/> allowance with 429, and counts each answer 404 (an unknown or foreign token) against it.
    /// </summary>
    public static IApplicationBuilder UseTokenGuessThrottle(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName != TokenLink)
        {
            await next(context);
            return;
        }

        var throttle = context.RequestServices.GetRequiredService<TokenGuessThrottle>();
        var address = ClientAddress(context);
        if (throttle.Refused(address) is { } wait)
        {
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            await RefuseAsync(context, wait);
            return;
        }

        try
        {
            await next(context);
        }
        catch (NotFoundException)
        {
            // Becomes the 404 problem in the exception handler, further out in the pipeline.
            throttle.CountUnknown(address);
            throw;
        }

        if (context.Response.StatusCode == StatusCodes.Status404NotFound)
        {
            throttle.CountUnknown(address);
        }
    });

    /// <summary>The client's address (after the forwarded-headers middleware, the one the proxy reported).</summary>
    public static string ClientAddress(HttpContext context) =>
        (context.Connection.RemoteIpAddress ?? IPAddress.None).ToString();

    /// <summary>
    /// 429 with <c>Retry-After</c> (whole seconds). The API gets a localized problem; pages get the localized
    /// status page, which the status code pages middleware renders for the empty 429.
    /// </summary>
    private static async ValueTask RefuseAsync(HttpContext http, TimeSpan retryAfter)
    {
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

/// <summary>
/// The unknown tokens each client IP has tried on token links, in fixed windows (System.Threading.RateLimiting), held
/// in this host's memory like the other per-IP limits.
/// </summary>
public sealed class TokenGuessThrottle(int permitLimit, TimeSpan window) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _unknown = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permitLimit,
            Window = window,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    /// <summary>Takes the configured (requests, window).</summary>
    public TokenGuessThrottle((int PermitLimit, TimeSpan Window) limit)
        : this(limit.PermitLimit, limit.Window)
    {
    }

    /// <summary>How long the address must wait before it may use a token link again; null when it may now.</summary>
    public TimeSpan? Refused(string address)
    {
        // Asking for no permit only tells whether any are left (and, if not, when the window ends).
        using var lease = _unknown.AttemptAcquire(address, permitCount: 0);
        return lease.IsAcquired ? null : lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : window;
    }

    /// <summary>Counts one unknown token tried from the address.</summary>
    public void CountUnknown(string address) => _unknown.AttemptAcquire(address).Dispose();

    public void Dispose() => _unknown.Dispose();
}
