namespace Alliance.Host.Components.Layout;

/// <summary>Which navigation link stands for the current page.</summary>
public static class NavigationMatch
{
    /// <summary>
    /// The longest link address that equals the path or is a whole-segment prefix of it; "/" only matches itself.
    /// Null when no link matches (the page is not in the navigation).
    /// </summary>
    public static string? MostSpecific(IEnumerable<string> hrefs, string path)
    {
        var normalised = path.Length > 1 ? path.TrimEnd('/') : path;
        return hrefs
            .Where(href => href == normalised
                || (href != "/" && normalised.StartsWith(href.TrimEnd('/') + "/", StringComparison.OrdinalIgnoreCase)))
            .OrderByDescending(href => href.Length)
            .FirstOrDefault();
    }
}
