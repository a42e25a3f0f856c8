using Microsoft.Playwright;
using Xunit;

namespace Alliance.Tests.Support;

/// <summary>
/// Debian's Chromium driven by Playwright (never a downloaded browser): its headless shell when installed (the build
/// Playwright itself runs headless tests with; same Blink engine, without the desktop browser's UI machinery — it
/// took 32 s of CPU where the full browser took 82 s for the same Labs browser tests), else the full browser.
/// One browser process per test process: each test class's fixture hands out fresh contexts from it and closes them
/// when the class ends, instead of starting Playwright's driver and a browser per class.
/// </summary>
public sealed class Browser : IAsyncLifetime
{
    private static readonly string[] Candidates = ["/usr/bin/chromium-headless-shell", "/usr/bin/chromium"];
    private static readonly SemaphoreSlim Starting = new(1, 1);
    private static IPlaywright? _playwright;
    private static IBrowser? _shared;

    public IBrowser Chromium { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        // Expect(...) waits 5 s by default: too short when CI's two cores also run the host and PostgreSQL.
        Assertions.SetDefaultExpectTimeout(20_000);
        Chromium = await SharedAsync();
    }

    private static async Task<IBrowser> SharedAsync()
    {
        await Starting.WaitAsync();
        try
        {
            if (_shared is { IsConnected: true })
            {
                return _shared;
            }

            var executable = Environment.GetEnvironmentVariable("ALLIANCE_CHROMIUM") ?? Candidates.FirstOrDefault(File.Exists)
                ?? throw new InvalidOperationException("Chromium not found: install Debian's 'chromium-headless-shell' or 'chromium' package (build/test.sh does).");
            _playwright ??= await Playwright.CreateAsync();
            _shared = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = executable,
                Headless = true,
                Args =
                [
                    "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
                ],
            });
            return _shared;
        }
        finally
        {
            Starting.Release();
        }
    }

    /// <summary>A fresh browser context (own cookies) with a German or English browser.</summary>
    public async Task<IPage> NewPageAsync(Uri baseAddress, string locale = "de-DE")
    {
        var context = await Chromium.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            Locale = locale,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        // Generous: CI shares two cores between the host, PostgreSQL and Chromium.
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    /// <summary>
    /// A fresh browser context signed in as <paramref name="email"/>, showing <paramref name="returnUrl"/> in
    /// <paramref name="language"/> ("de" or "en"). It signs in through the sign-in API with the context's own cookie
    /// jar, so the browser holds exactly the cookie the sign-in form would give it; one page load instead of three.
    /// The form itself is tested where signing in is the subject (journey 1, access pages, abuse limits, feedback).
    /// </summary>
    /// <exception cref="InvalidOperationException">The sign-in was refused (wrong password, locked address).</exception>
    public async Task<IPage> SignedInPageAsync(Uri baseAddress, string email, string language = "de", string returnUrl = "/",
        string password = DemoUsers.Password)
    {
        var page = await NewPageAsync(baseAddress, language == "de" ? "de-DE" : "en-GB");
        var response = await page.Context.APIRequest.PostAsync("/api/members/account/login",
            new APIRequestContextOptions { DataObject = new { email, password } });
        if (response.Status != 204)
        {
            throw new InvalidOperationException($"Sign-in of {email} failed: {response.Status} {await response.TextAsync()}");
        }

        // Signing in applies the person's preferred language; the test then switches to the language under test.
        await page.GotoAsync($"/culture/{language}?returnUrl={Uri.EscapeDataString(returnUrl)}");
        return page;
    }

    public static async Task ScreenshotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts.Folder("screenshots"), name + ".jpg"), FullPage = true, Type = ScreenshotType.Jpeg, Quality = 80 });

    /// <summary>
    /// Closes every context the class opened (test classes of a process run one after another); the browser stays
    /// for the next class and ends with the test process.
    /// </summary>
    public async Task DisposeAsync()
    {
        if (Chromium is not null)
        {
            foreach (var context in Chromium.Contexts.ToList())
            {
                await context.CloseAsync();
            }
        }
    }
}
