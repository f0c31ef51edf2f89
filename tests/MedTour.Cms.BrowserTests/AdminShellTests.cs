using MedTour.Cms.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace MedTour.Cms.BrowserTests;

/// <summary>The admin shell in Chromium: a user made with the CLI signs in on one region, sees its dashboard, and that session is worthless on another region.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AdminShellTests(BrowserSite site)
{
    [Fact]
    public async Task An_author_signs_in_on_ukraine_and_its_session_does_not_open_europes_admin()
    {
        var author = await site.CreateUserAsync("ukraine", "Author");
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();

        await BrowserSite.SignInAsync(page, "/ua", author);
        var dashboard = await page.GotoAsync("/ua/admin");

        Assert.Equal(200, dashboard!.Status);
        await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();
        var (version, violations) = await Axe.RunAsync(page, site.AxeSource);
        var blocking = violations.Where(v => v.IsSeriousOrCritical).ToList();
        Assert.True(blocking.Count == 0, $"axe-core {version} on /ua/admin:\n{Axe.Describe(blocking)}");
        foreach (var width in new[] { 375, 1280 })
        {
            await page.SetViewportSizeAsync(width, 800);
            await page.ScreenshotAsync(new() { Path = Path.Combine(site.ScreenshotsDirectory, $"admin-dashboard-author-{width}.png"), FullPage = true });
        }

        await page.GotoAsync("/eu/admin");
        Assert.EndsWith("/eu/login", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
    }
}
