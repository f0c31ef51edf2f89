using Microsoft.Playwright;

namespace MedTour.Cms.BrowserTests.Infrastructure;

/// <summary>
/// One running MedTour host and one headless Debian Chromium, shared by every browser test (one collection, so
/// the tests run one after another on the 2-core machine). Either failing to start fails the tests with the
/// reason: they never skip.
/// </summary>
public sealed class BrowserSite : IAsyncLifetime
{
    /// <summary>Debian's Chromium (test.sh installs it); MEDTOUR_CHROMIUM points elsewhere. Playwright never downloads a browser here.</summary>
    public static readonly string ChromiumPath =
        Environment.GetEnvironmentVariable("MEDTOUR_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public WebAppServer Server { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public string AxeSource { get; private set; } = null!;

    /// <summary>Where full-page screenshots go (emptied of the previous run's PNGs at start).</summary>
    public string ScreenshotsDirectory { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // Cheap checks first, so a missing piece is reported before the host takes seconds to set up.
        AxeSource = await File.ReadAllTextAsync(RepoPaths.AxeScript());
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"Chromium was not found at {ChromiumPath}: `apt-get install chromium` (./test.sh does it).");
        }

        Assertions.SetDefaultExpectTimeout(15_000);
        try
        {
            _playwright = await Playwright.CreateAsync();
            Browser = await _playwright.Chromium.LaunchAsync(new()
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
                Timeout = 60_000,
            });
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException or InvalidOperationException or IOException)
        {
            throw new InvalidOperationException($"Playwright could not launch Chromium at {ChromiumPath}: {e.Message}", e);
        }

        Server = await WebAppServer.StartAsync();

        ScreenshotsDirectory = RepoPaths.ScreenshotsDirectory();
        Directory.CreateDirectory(ScreenshotsDirectory);
        foreach (var old in Directory.EnumerateFiles(ScreenshotsDirectory, "*.png"))
        {
            File.Delete(old);
        }
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
    }

    /// <summary>A fresh browser context (no cookies, no cache) of the given width, addressed relative to the host.</summary>
    /// <summary>Full-page screenshots of <paramref name="page"/> at 375 and 1280 px (<c>{name}-{width}.png</c>); leaves it at 1280.</summary>
    public async Task ScreenshotsAsync(IPage page, string name)
    {
        foreach (var width in new[] { 375, 1280 })
        {
            await page.SetViewportSizeAsync(width, 800);
            await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotsDirectory, $"{name}-{width}.png"), FullPage = true });
        }

        await page.SetViewportSizeAsync(1280, 800);
    }

    public async Task<IBrowserContext> NewContextAsync(int width = 1280, int height = 800)
    {
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = Server.BaseAddress.ToString(),
            ViewportSize = new() { Width = width, Height = height },
            Locale = "en-US",
            ServiceWorkers = ServiceWorkerPolicy.Block,
        });
        context.SetDefaultTimeout(15_000);
        context.SetDefaultNavigationTimeout(30_000);
        return context;
    }

    public Uri Url(string path) => new(Server.BaseAddress, path);

    /// <summary>The password of every user made by <see cref="CreateUserAsync"/>.</summary>
    public const string UserPassword = "Browser-user-password-2024!";

    /// <summary>
    /// A new user of <paramref name="tenant"/> with <paramref name="roles"/> (made with the CLI's <c>user create</c>
    /// on the running host's data), named uniquely so that tests do not share sessions or sign-in counts.
    /// </summary>
    public async Task<string> CreateUserAsync(string tenant, params string[] roles)
    {
        var userName = $"{(roles.Length == 0 ? "user" : roles[0].ToLowerInvariant())}-{Guid.NewGuid():N}"[..24];
        await Server.RunCliAsync("user", "create", tenant, userName, "--password", UserPassword, "--roles", string.Join(',', roles));
        return userName;
    }

    /// <summary>Signs <paramref name="userName"/> in on the site under <paramref name="prefix"/> ("/ua", or "" for Default) through its login form.</summary>
    public static async Task SignInAsync(IPage page, string prefix, string userName, string password = UserPassword)
    {
        await page.GotoAsync(prefix + "/login");
        await page.FillAsync("input[name=username]", userName);
        await page.FillAsync("input[name=password]", password);
        await page.ClickAsync("form:has(input[name=password]) button[type=submit]");
        try
        {
            // A successful sign-in redirects away from the form; a refused one renders it again. The URL is known once the
            // navigation commits: waiting for the next page's load event too timed out on a loaded machine while the
            // dashboard was already shown.
            await page.WaitForURLAsync(url => !new Uri(url).AbsolutePath.EndsWith("/login", StringComparison.Ordinal),
                new() { Timeout = 30_000, WaitUntil = WaitUntilState.Commit });
        }
        catch (TimeoutException)
        {
            throw new InvalidOperationException($"{userName} could not sign in on {prefix}/login: {await page.InnerTextAsync("main")}");
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserSite>
{
    public const string Name = "Browser";
}
