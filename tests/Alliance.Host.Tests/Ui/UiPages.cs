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
    /// A browser page with JavaScript off (its own context, German), signed in as <paramref name="email"/> through the
    /// login form: what a user without script sees. Close it with <c>page.Context.CloseAsync()</c>.
    /// </summary>
    public static async Task<IPage> SignInWithoutScriptAsync(Browser browser, Uri baseAddress, string email, int width = 1280)
    {
        var context = await browser.Chromium.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            Locale = "de-DE",
            JavaScriptEnabled = false,
            ViewportSize = new ViewportSize { Width = width, Height = 800 },
        });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", DemoUsers.Password);
        await page.ClickAsync("main form button[type=submit]");
        await page.WaitForURLAsync(new Regex("/$"));
        return page;
    }

    /// <summary>
    /// Every page reachable from the dashboard by links (breadth first), one page per route shape: a route with a
    /// different id is the same page. Files, the API, the job dashboard and the language switch are left out.
    /// <paramref name="onPage"/> runs on each found page while it is open (with the browser page showing it), so a
    /// caller that checks every page need not load it a second time. Where <paramref name="render"/> says a page need
    /// not be shown (a caller that has already checked its kind), its links are read from the HTML over HTTP with the
    /// same cookies: several times faster than rendering it in the browser; <paramref name="onFetched"/> then gets its
    /// path and HTML. Up to <paramref name="parallel"/> queued pages are loaded at once, each in its own browser page
    /// of the same context (same cookies): while one page waits for the host, another is rendered or checked. The
    /// links of a round are queued in the order the pages were queued, so the crawl finds the same pages (the same
    /// ids) as one page at a time. <paramref name="onPage"/> may then run for several pages at the same time.
    /// </summary>
    public static async Task<IReadOnlyList<string>> CrawlAsync(IPage page, int limit = 80, Func<IPage, string, Task>? onPage = null,
        Func<string, bool>? render = null, Action<string, string>? onFetched = null, int parallel = 1)
    {
        var site = new Uri(page.Url);
        var pages = new List<IPage> { page };
        for (var i = 1; i < parallel; i++)
        {
            var extra = await page.Context.NewPageAsync();
            if (page.ViewportSize is { } size)
            {
                await extra.SetViewportSizeAsync(size.Width, size.Height);
            }

            pages.Add(extra);
        }

        var seenShapes = new HashSet<string>(StringComparer.Ordinal);
        var found = new List<string>();
        var queue = new Queue<string>();
        queue.Enqueue("/");
        seenShapes.Add(Shape("/"));
        try
        {
            while (queue.Count > 0 && found.Count < limit)
            {
                var round = new List<string>();
                while (queue.Count > 0 && round.Count < Math.Min(pages.Count, limit - found.Count))
                {
                    round.Add(queue.Dequeue());
                }

                // Decided before the round starts: onPage of the round's pages may change what render answers.
                var shown = round.Select(path => render is null || render(path)).ToList();
                var links = await Task.WhenAll(round.Select((path, i) => VisitAsync(pages[i], path, shown[i])));
                for (var i = 0; i < round.Count; i++)
                {
                    if (links[i] is null)
                    {
                        continue;
                    }

                    found.Add(round[i]);
                    foreach (var href in links[i]!)
                    {
                        var target = Normalise(href);
                        if (target is not null && seenShapes.Add(Shape(target)))
                        {
                            queue.Enqueue(target);
                        }
                    }
                }
            }
        }
        finally
        {
            foreach (var extra in pages.Skip(1))
            {
                await extra.CloseAsync();
            }
        }

        return found;

        // The page's links, or null when it is not found, forbidden or redirects elsewhere.
        async Task<IReadOnlyList<string>?> VisitAsync(IPage browserPage, string path, bool show)
        {
            if (!show)
            {
                var fetched = await browserPage.Context.APIRequest.GetAsync(new Uri(site, path).ToString());
                if (fetched.Status >= 400 || new Uri(fetched.Url).AbsolutePath != new Uri(new Uri(fetched.Url), path).AbsolutePath)
                {
                    return null;
                }

                var html = await fetched.TextAsync();
                lock (found)
                {
                    onFetched?.Invoke(path, html);
                }

                return Href().Matches(html).Select(link => System.Net.WebUtility.HtmlDecode(link.Groups[1].Value)).ToList();
            }

            var response = await browserPage.GotoAsync(path);
            if (response is null || response.Status >= 400 || new Uri(browserPage.Url).AbsolutePath != new Uri(new Uri(browserPage.Url), path).AbsolutePath)
            {
                return null;
            }

            var hrefs = await browserPage.EvalOnSelectorAllAsync<string[]>("a[href]", "links => links.map(a => a.getAttribute('href'))");
            if (onPage is not null)
            {
                await onPage(browserPage, path);
            }

            return hrefs;
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
