using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.HttpsPolicy;

namespace Alliance.Host.Startup;

/// <summary>
/// Running behind a TLS-terminating reverse proxy: the proxy's <c>X-Forwarded-For</c> and
/// <c>X-Forwarded-Proto</c> are believed only from the addresses in <c>Security:ReverseProxy:KnownProxies</c>
/// (IP addresses) and <c>Security:ReverseProxy:KnownNetworks</c> (CIDR, e.g. <c>10.0.0.0/8</c>), plus loopback.
/// Then per-IP limits count the real client, and HTTPS requests get HSTS and Secure cookies.
/// </summary>
internal static class ReverseProxy
{
    public static IServiceCollection AddReverseProxySupport(this IServiceCollection services, IConfiguration configuration) =>
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in configuration.GetSection("Security:ReverseProxy:KnownProxies").Get<string[]>() ?? [])
            {
                // Blank entries come from unset variables in compose.yaml; they name no proxy.
                if (string.IsNullOrWhiteSpace(proxy))
                {
                    continue;
                }

                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in configuration.GetSection("Security:ReverseProxy:KnownNetworks").Get<string[]>() ?? [])
            {
                if (string.IsNullOrWhiteSpace(network))
                {
                    continue;
                }

                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        })
        // Form tokens' cookie: Secure on HTTPS requests, like the login cookie (its default would never be).
        .Configure<AntiforgeryOptions>(antiforgery => antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest)
        .Configure<HstsOptions>(hsts =>
        {
            hsts.MaxAge = configuration.GetValue("Security:HstsMaxAge", TimeSpan.FromDays(365));
            hsts.IncludeSubDomains = false;
        });
}
