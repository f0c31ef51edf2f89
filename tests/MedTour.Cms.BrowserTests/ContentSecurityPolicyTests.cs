using MedTour.Cms.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace MedTour.Cms.BrowserTests;

/// <summary>Every page type runs under its Content-Security-Policy without a violation, and its stylesheet still applies.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ContentSecurityPolicyTests(BrowserSite site)
{
    [Theory]
    [MemberData(nameof(SitePages.Keys), MemberType = typeof(SitePages))]
    public async Task Page_has_a_policy_and_breaks_none_of_it(string page)
    {
        var sitePage = SitePages.Get(page);
        await using var context = await site.NewContextAsync();
        var tab = await context.NewPageAsync();
        var violations = new List<string>();
        tab.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                violations.Add(message.Text);
            }
        };

        var response = await tab.GotoAsync(sitePage.Path, new() { WaitUntil = WaitUntilState.Load });

        Assert.Equal(sitePage.Status, response!.Status);
        Assert.Contains("script-src 'self'", await response.HeaderValueAsync("content-security-policy") ?? "", StringComparison.Ordinal);
        Assert.True(await tab.EvaluateAsync<bool>("() => document.styleSheets.length > 0 && document.styleSheets[0].cssRules.length > 0"), "the theme's stylesheet did not load");
        Assert.True(violations.Count == 0, $"{sitePage.Path}:\n{string.Join('\n', violations)}");
    }
}
