using MedTour.Cms.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace MedTour.Cms.BrowserTests;

/// <summary>
/// The GraphQL explorer in Chromium: an administrator opens <c>/admin/graphql</c>, runs the default query against the
/// site's schema and sees the articles in the result; then with an unknown token the API's 401 error shows. The page
/// passes axe (no serious or critical violation) and is photographed.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class GraphiQLTests(BrowserSite site, ITestOutputHelper output)
{
    [Fact]
    public async Task An_administrator_runs_a_query_in_GraphiQL_and_sees_the_result()
    {
        await using var context = await site.NewContextAsync();
        var tab = await context.NewPageAsync();
        await tab.GotoAsync("/eu/login");
        await tab.FillAsync("#login-username", "admin");
        await tab.FillAsync("#login-password", WebAppServer.AdminPassword);
        await Task.WhenAll(tab.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal)), tab.Locator("form button[type=submit]").Last.ClickAsync());

        var response = await tab.GotoAsync("/eu/admin/graphql");
        Assert.Equal(200, response!.Status);
        await Assertions.Expect(tab.Locator(".graphiql-container")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        // The editor holds the default query once GraphiQL has started; a click before that runs nothing.
        await Assertions.Expect(tab.Locator(".graphiql-query-editor")).ToContainTextAsync("autoroutePart", new() { Timeout = 30_000 });
        await tab.Locator(".graphiql-execute-button").ClickAsync();
        var result = tab.Locator(".result-window");
        await Assertions.Expect(result).ToContainTextAsync("\"article\"", new() { Timeout = 30_000 });
        await Assertions.Expect(result).ToContainTextAsync("liver-metastasis");

        var (version, violations) = await Axe.RunAsync(tab, site.AxeSource);
        var blocking = violations.Where(v => v.IsSeriousOrCritical).ToList();
        if (violations.Count > blocking.Count)
        {
            output.WriteLine($"axe-core {version} on /eu/admin/graphql: moderate/minor\n{Axe.Describe(violations.Except(blocking))}");
        }

        await tab.ScreenshotAsync(new() { Path = Path.Combine(site.ScreenshotsDirectory, "graphiql-1280.png"), FullPage = true });
        Assert.True(blocking.Count == 0, $"axe-core {version} on /eu/admin/graphql:\n{Axe.Describe(blocking)}");

        // The token field is what the API sees: an unknown token is the API's own 401 error.
        await tab.FillAsync("#graphiql-token", "not-a-token");
        await tab.Locator(".graphiql-execute-button").ClickAsync();
        await Assertions.Expect(result).ToContainTextAsync("UNAUTHENTICATED", new() { Timeout = 30_000 });
    }
}
