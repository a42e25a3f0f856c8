using Microsoft.Playwright;
using Xunit;

namespace Alliance.Tests.Support;

/// <summary>Debian's Chromium driven by Playwright (never a downloaded browser). One per test class.</summary>
public sealed class Browser : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public IBrowser Chromium { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        var executable = Environment.GetEnvironmentVariable("ALLIANCE_CHROMIUM") ?? "/usr/bin/chromium";
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"Chromium not found at {executable}: install Debian's 'chromium' package (build/test.sh does).");
        }

        // Expect(...) waits 5 s by default: too short when CI's two cores also run the host and PostgreSQL.
        Assertions.SetDefaultExpectTimeout(20_000);
        _playwright = await Playwright.CreateAsync();
        Chromium = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
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
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts.Folder("screenshots"), name + ".png"), FullPage = true });

    public async Task DisposeAsync()
    {
        if (Chromium is not null)
        {
            await Chromium.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
