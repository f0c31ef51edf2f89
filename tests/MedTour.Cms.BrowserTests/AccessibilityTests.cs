using MedTour.Cms.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace MedTour.Cms.BrowserTests;

/// <summary>axe-core (WCAG 2.0, 2.1, 2.2 A and AA rules) on every page type: no serious or critical violation.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserSite site, ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(SitePages.Keys), MemberType = typeof(SitePages))]
    public async Task Page_has_no_serious_or_critical_axe_violation(string page)
    {
        var sitePage = SitePages.Get(page);
        await using var context = await site.NewContextAsync();
        var tab = await context.NewPageAsync();
        var response = await tab.GotoAsync(sitePage.Path);
        Assert.Equal(sitePage.Status, response!.Status);

        var (version, violations) = await Axe.RunAsync(tab, site.AxeSource);
        var blocking = violations.Where(v => v.IsSeriousOrCritical).ToList();
        var other = violations.Where(v => !v.IsSeriousOrCritical).ToList();
        if (other.Count > 0)
        {
            // Reported, not failed: moderate and minor findings.
            output.WriteLine($"axe-core {version} on {sitePage.Path}: {other.Count} moderate/minor violation(s)\n{Axe.Describe(other)}");
        }

        Assert.True(blocking.Count == 0,
            $"axe-core {version} found {blocking.Count} serious/critical violation(s) on {sitePage.Type} page {sitePage.Path}:\n{Axe.Describe(blocking)}");
    }

    /// <summary>The check itself works: an image without alt text planted in a real page is reported as critical.</summary>
    [Fact]
    public async Task Axe_reports_a_planted_critical_violation()
    {
        await using var context = await site.NewContextAsync();
        var tab = await context.NewPageAsync();
        await tab.GotoAsync("/eu/");
        await tab.EvaluateAsync("""
            () => {
              const img = document.createElement('img');
              img.id = 'planted-no-alt';
              img.src = '/eu/media/articles/liver-metastasis.svg';
              document.querySelector('main').appendChild(img);
            }
            """);

        var (_, violations) = await Axe.RunAsync(tab, site.AxeSource);

        var imageAlt = Assert.Single(violations, v => v.Id == "image-alt");
        Assert.True(imageAlt.IsSeriousOrCritical, $"image-alt impact: {imageAlt.Impact}");
        Assert.Contains(imageAlt.Nodes, n => n.Target == "#planted-no-alt");
    }
}
