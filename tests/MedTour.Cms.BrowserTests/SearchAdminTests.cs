using MedTour.Cms.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace MedTour.Cms.BrowserTests;

/// <summary>
/// /admin/search in Chromium: the rebuild button posts in the background and the progress bar follows it to the end
/// without leaving the page; the query tester shows highlighted hits; the page passes axe at 375 and 1280 px and is
/// photographed. Without scripts the same button posts the form and the page says the rebuild started.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SearchAdminTests(BrowserSite site, ITestOutputHelper output)
{
    [Fact]
    public async Task The_rebuild_progresses_in_place_and_the_query_tester_shows_hits_and_the_page_passes_axe()
    {
        await using var context = await site.NewContextAsync();
        var tab = await context.NewPageAsync();
        await SignInAsync(tab, "/eu");
        await tab.GotoAsync("/eu/admin/search");
        await Assertions.Expect(tab.Locator("tr[data-culture=en] [data-field=documents]")).Not.ToHaveTextAsync("0");

        await tab.GetByRole(AriaRole.Button, new() { Name = "Rebuild the index" }).ClickAsync();
        await Assertions.Expect(tab.Locator("[data-rebuild-status]")).ToHaveTextAsync("Rebuild finished.", new() { Timeout = 60_000 });
        Assert.EndsWith("/eu/admin/search", tab.Url, StringComparison.Ordinal);
        Assert.Equal(100, await tab.Locator("progress").EvaluateAsync<int>("p => p.value"));
        await Assertions.Expect(tab.GetByRole(AriaRole.Button, new() { Name = "Rebuild the index" })).ToBeEnabledAsync();
        await CheckAsync(tab, "search-admin");

        await tab.FillAsync("#q", "liver");
        await tab.GetByRole(AriaRole.Button, new() { Name = "Run query" }).ClickAsync();
        await Assertions.Expect(tab.Locator("[data-query-result]")).ToContainTextAsync("documents match");
        await Assertions.Expect(tab.Locator("[data-query-result] mark").First).ToBeVisibleAsync();
        await CheckAsync(tab, "search-admin-query");

        await tab.GetByLabel("Orchard JSON DSL (Lucene query)").CheckAsync();
        await tab.FillAsync("#dsl", "{ \"query\": { \"nope\": {} } }");
        await tab.GetByRole(AriaRole.Button, new() { Name = "Run query" }).ClickAsync();
        await Assertions.Expect(tab.Locator("#dsl-error")).ToBeVisibleAsync();
        await Assertions.Expect(tab.Locator(".error-summary")).ToBeFocusedAsync();
    }

    [Fact]
    public async Task Without_scripts_the_rebuild_button_posts_and_the_page_says_it_started()
    {
        await using var context = await site.Browser.NewContextAsync(new() { BaseURL = site.Server.BaseAddress.ToString(), JavaScriptEnabled = false, Locale = "en-US" });
        var tab = await context.NewPageAsync();
        await SignInAsync(tab, "/eu");
        await tab.GotoAsync("/eu/admin/search");
        await tab.GetByRole(AriaRole.Button, new() { Name = "Rebuild the index" }).ClickAsync();
        await Assertions.Expect(tab.Locator(".flash")).ToContainTextAsync("rebuild");
    }

    private async Task CheckAsync(IPage tab, string name)
    {
        var failures = new List<string>();
        foreach (var width in new[] { 375, 1280 })
        {
            await tab.SetViewportSizeAsync(width, 800);
            var (version, violations) = await Axe.RunAsync(tab, site.AxeSource);
            var blocking = violations.Where(v => v.IsSeriousOrCritical).ToList();
            if (violations.Count > blocking.Count)
            {
                output.WriteLine($"axe-core {version} on {name} at {width}px: moderate/minor\n{Axe.Describe(violations.Except(blocking))}");
            }

            if (blocking.Count > 0)
            {
                failures.Add($"axe-core {version} on {name} at {width}px:\n{Axe.Describe(blocking)}");
            }

            if (await tab.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1"))
            {
                failures.Add($"{name} scrolls sideways at {width}px");
            }

            await tab.ScreenshotAsync(new() { Path = Path.Combine(site.ScreenshotsDirectory, $"{name}-{width}.png"), FullPage = true });
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static async Task SignInAsync(IPage tab, string prefix)
    {
        await tab.GotoAsync(prefix + "/login");
        await tab.FillAsync("#login-username", "admin");
        await tab.FillAsync("#login-password", WebAppServer.AdminPassword);
        await Task.WhenAll(tab.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal)), tab.Locator("form button[type=submit]").Last.ClickAsync());
    }
}
