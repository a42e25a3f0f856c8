namespace Alliance.Shared.Web;

/// <summary>
/// Which return addresses a redirect may follow: a path on this site only. The same rule as ASP.NET Core's
/// local redirect (so <c>LocalRedirect</c> never throws on what passes here): starts with one <c>/</c>, not
/// <c>//</c> or <c>/\</c> (browsers read both as another host), and no control characters.
/// </summary>
public static class LocalUrl
{
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url)
        && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl);

    /// <summary>The url when it is local, else the fallback.</summary>
    public static string OrDefault(string? url, string fallback = "/") => IsLocal(url) ? url! : fallback;
}
