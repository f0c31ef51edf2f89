using System.Text.Json;
using MedTour.Cms.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace MedTour.Cms.BrowserTests;

/// <summary>
/// Every page type at a phone width (375 px) and a desktop width (1280 px): no horizontal scrollbar. A full-page
/// screenshot of each is kept as an artifact (TestResults/screenshots/{page}-{width}.png).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LayoutTests(BrowserSite site, ITestOutputHelper output)
{
    private static readonly int[] Widths = [375, 1280];

    // The document's width against the viewport's, and the elements whose right edge passes it (deepest first).
    private const string MeasureScript = """
        () => {
          const de = document.documentElement;
          const limit = de.clientWidth;
          const describe = el => {
            let s = el.tagName.toLowerCase();
            if (el.id) s += '#' + el.id;
            if (el.classList.length) s += '.' + [...el.classList].join('.');
            const parent = el.parentElement;
            return parent && parent !== document.body ? describe(parent) + ' > ' + s : s;
          };
          const overflowing = [...document.body.querySelectorAll('*')].filter(el => {
            const r = el.getBoundingClientRect();
            return (r.width > 0 || r.height > 0) && r.right > limit + 0.5;
          });
          const leaves = overflowing.filter(el => !overflowing.some(o => o !== el && el.contains(o)));
          return {
            scrollWidth: de.scrollWidth,
            clientWidth: de.clientWidth,
            innerWidth: window.innerWidth,
            offenders: leaves.slice(0, 8).map(el => describe(el) + ' (right edge ' + Math.round(el.getBoundingClientRect().right) + ' px)')
          };
        }
        """;

    /// <summary>
    /// Overflows found by this test that are product bugs, named in the failure message. The assertion stays as it is:
    /// these pages fail until the theme is fixed.
    /// </summary>
    private static readonly Dictionary<string, string> KnownProductBugs = new()
    {
        ["consultation"] =
            "KNOWN PRODUCT BUG (themes/MedTour/wwwroot/css/site.css, `.form-fields { display: grid; ... }`; view " +
            "themes/MedTour/Views/Content-Form.liquid): the grid's single implicit column is as wide as its widest " +
            "min-content item, <input type=\"file\" id=\"field-files\" multiple> (about 368 px in Chromium), so at 375 px " +
            "the form, its labels, the file input and the submit button stick out 9 px past the viewport. A fix: " +
            "`grid-template-columns: minmax(0, 1fr)` on .form-fields and `max-width: 100%` on its inputs.",
    };

    [Theory]
    [MemberData(nameof(SitePages.Keys), MemberType = typeof(SitePages))]
    public async Task Page_has_no_horizontal_scrollbar_at_375_and_1280_px(string page)
    {
        var sitePage = SitePages.Get(page);
        var problems = new List<string>();
        await using var context = await site.NewContextAsync(Widths[0], 800);
        var tab = await context.NewPageAsync();
        foreach (var width in Widths)
        {
            // A fresh load at each width, as a phone or a desktop would open the page.
            await tab.SetViewportSizeAsync(width, 800);
            var response = await tab.GotoAsync(sitePage.Path);
            Assert.Equal(sitePage.Status, response!.Status);
            await tab.EvaluateAsync("() => document.fonts.ready.then(() => true)");

            var m = await tab.EvaluateAsync<JsonElement>(MeasureScript);
            var shot = Path.Combine(site.ScreenshotsDirectory, $"{sitePage.Key}-{width}.png");
            await tab.ScreenshotAsync(new() { Path = shot, FullPage = true });
            output.WriteLine($"{width} px: {shot}");

            var scrollWidth = m.GetProperty("scrollWidth").GetInt32();
            var clientWidth = m.GetProperty("clientWidth").GetInt32();
            var innerWidth = m.GetProperty("innerWidth").GetInt32();
            // clientWidth is the viewport less a classic scrollbar, so it is never more than innerWidth.
            if (scrollWidth > clientWidth || scrollWidth > innerWidth)
            {
                var offenders = string.Join("\n      ", m.GetProperty("offenders").EnumerateArray().Select(o => o.GetString()));
                problems.Add($"  {width} px: document is {scrollWidth} px wide, the viewport {clientWidth} px (innerWidth {innerWidth}); wider elements:\n      {offenders}\n    screenshot: {shot}");
            }
        }

        var known = problems.Count > 0 && KnownProductBugs.TryGetValue(sitePage.Type, out var bug) ? "\n" + bug : "";
        Assert.True(problems.Count == 0, $"{sitePage.Type} page {sitePage.Path} scrolls horizontally:\n{string.Join('\n', problems)}{known}");
    }
}
