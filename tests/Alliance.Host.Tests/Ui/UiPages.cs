using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Alliance.Host.Tests.Ui;

/// <summary>Signing in through the login form and finding the pages a user can reach by following links.</summary>
internal static partial class UiPages
{
    /// <summary>A browser page signed in as <paramref name="email"/> with the UI in <paramref name="language"/>.</summary>
    public static async Task<IPage> SignInAsync(Browser browser, Uri baseAddress, string email, string language, int width = 1280)
    {
        var page = await browser.SignedInPageAsync(baseAddress, email, language);
        await page.SetViewportSizeAsync(width, 900);
        return page;
    }

    /// <summary>
    /// Every page reachable from the dashboard by links (breadth first), one page per route shape: a route with a
    /// different id is the same page. Files, the API, the job dashboard and the language switch are left out.
    /// <paramref name="onPage"/> runs on each found page while it is open, so a caller that checks every page
    /// need not load it a second time. Where <paramref name="render"/> says a page need not be shown (a caller that
    /// has already checked its kind), its links are read from the HTML over HTTP with the same cookies: several
    /// times faster than rendering it in the browser; <paramref name="onFetched"/> then gets its path and HTML.
    /// </summary>
    public static async Task<IReadOnlyList<string>> CrawlAsync(IPage page, int limit = 80, Func<string, Task>? onPage = null,
        Func<string, bool>? render = null, Action<string, string>? onFetched = null)
    {
        var seenShapes = new HashSet<string>(StringComparer.Ordinal);
        var found = new List<string>();
        var queue = new Queue<string>();
        queue.Enqueue("/");
        seenShapes.Add(Shape("/"));
        while (queue.Count > 0 && found.Count < limit)
        {
            var path = queue.Dequeue();
            if (render is not null && !render(path))
            {
                var fetched = await page.Context.APIRequest.GetAsync(new Uri(new Uri(page.Url), path).ToString());
                if (fetched.Status >= 400 || new Uri(fetched.Url).AbsolutePath != new Uri(new Uri(fetched.Url), path).AbsolutePath)
                {
                    continue;
                }

                found.Add(path);
                var html = await fetched.TextAsync();
                onFetched?.Invoke(path, html);
                foreach (Match link in Href().Matches(html))
                {
                    Enqueue(System.Net.WebUtility.HtmlDecode(link.Groups[1].Value));
                }

                continue;
            }

            var response = await page.GotoAsync(path);
            if (response is null || response.Status >= 400 || new Uri(page.Url).AbsolutePath != new Uri(new Uri(page.Url), path).AbsolutePath)
            {
                continue;
            }

            found.Add(path);
            var hrefs = await page.EvalOnSelectorAllAsync<string[]>("a[href]", "links => links.map(a => a.getAttribute('href'))");
            foreach (var href in hrefs)
            {
                Enqueue(href);
            }

            if (onPage is not null)
            {
                await onPage(path);
            }
        }

        return found;

        void Enqueue(string? href)
        {
            var target = Normalise(href);
            if (target is not null && seenShapes.Add(Shape(target)))
            {
                queue.Enqueue(target);
            }
        }
    }

    /// <summary>The route shape: ids replaced, query left out except the page number.</summary>
    public static string Shape(string path) => Guid().Replace(path.Split('?', '#')[0], "{id}");

    private static string? Normalise(string? href)
    {
        if (string.IsNullOrEmpty(href) || !href.StartsWith('/') || href.StartsWith("//", StringComparison.Ordinal))
        {
            return null;
        }

        var path = href.Split('#')[0];
        string[] skipped = ["/api/", "/jobs", "/culture/", "/openapi", "/account/logout", "/_framework", "/status/", "/error"];
        if (skipped.Any(s => path.StartsWith(s, StringComparison.OrdinalIgnoreCase)) || FileLike().IsMatch(path.Split('?')[0]))
        {
            return null;
        }

        // Paging and filter links show the same page as without them.
        return path.Contains('?', StringComparison.Ordinal) ? path.Split('?')[0] : path;
    }

    [GeneratedRegex("<a\\s[^>]*?href=\"([^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex Href();

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex Guid();

    [GeneratedRegex(@"\.(csv|xlsx|ics|pdf|docx|json|zip)$", RegexOptions.IgnoreCase)]
    private static partial Regex FileLike();
}
