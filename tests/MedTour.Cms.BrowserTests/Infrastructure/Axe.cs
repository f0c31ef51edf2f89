using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using Xunit;
using Xunit.Abstractions;

namespace MedTour.Cms.BrowserTests.Infrastructure;

/// <summary>One axe-core rule that failed on a page, with the elements it failed on.</summary>
public sealed record AxeViolation(string Id, string? Impact, string Help, string HelpUrl, IReadOnlyList<AxeNode> Nodes)
{
    public bool IsSeriousOrCritical => Impact is "serious" or "critical";
}

public sealed record AxeNode(string Target, string? Impact, string Html, string Summary);

/// <summary>Runs axe-core (from npm, tests/MedTour.Cms.BrowserTests/node_modules) in the page against WCAG 2.0/2.1/2.2 A and AA.</summary>
public static class Axe
{
    public static readonly string[] Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    private const string RunScript = """
        async (tags) => {
          const results = await axe.run(document, { runOnly: tags, resultTypes: ['violations'] });
          return {
            version: axe.version,
            violations: results.violations.map(v => ({
              id: v.id,
              impact: v.impact,
              help: v.help,
              helpUrl: v.helpUrl,
              nodes: v.nodes.map(n => ({
                target: n.target.map(t => Array.isArray(t) ? t.join(' >>> ') : t).join(', '),
                impact: n.impact,
                html: n.html,
                summary: n.failureSummary || ''
              }))
            }))
          };
        }
        """;

    public static async Task<(string Version, IReadOnlyList<AxeViolation> Violations)> RunAsync(IPage page, string axeSource)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe !== 'undefined'"))
        {
            // Through DevTools, as a tester's console would: the page's Content-Security-Policy forbids inline scripts.
            var devTools = await page.Context.NewCDPSessionAsync(page);
            await devTools.SendAsync("Runtime.evaluate", new Dictionary<string, object> { ["expression"] = axeSource });
            await devTools.DetachAsync();
        }

        var result = await page.EvaluateAsync<JsonElement>(RunScript, Tags);
        var violations = result.GetProperty("violations").EnumerateArray().Select(v => new AxeViolation(
            v.GetProperty("id").GetString()!,
            v.GetProperty("impact").GetString(),
            v.GetProperty("help").GetString() ?? "",
            v.GetProperty("helpUrl").GetString() ?? "",
            [.. v.GetProperty("nodes").EnumerateArray().Select(n => new AxeNode(
                n.GetProperty("target").GetString() ?? "",
                n.GetProperty("impact").GetString(),
                n.GetProperty("html").GetString() ?? "",
                n.GetProperty("summary").GetString() ?? ""))])).ToList();
        return (result.GetProperty("version").GetString() ?? "?", violations);
    }

    /// <summary>One line per violation, then one per element: rule id, impact, CSS target, the element's HTML and axe's summary.</summary>
    /// <summary>Fails on any serious or critical violation; writes the moderate and minor ones to the test's output.</summary>
    public static async Task AssertAccessibleAsync(BrowserSite site, ITestOutputHelper output, IPage page, string what)
    {
        var (version, violations) = await RunAsync(page, site.AxeSource);
        var other = violations.Where(v => !v.IsSeriousOrCritical).ToList();
        if (other.Count > 0)
        {
            output.WriteLine($"axe-core {version} on the {what}: {other.Count} moderate/minor violation(s)\n{Describe(other)}");
        }

        var blocking = violations.Where(v => v.IsSeriousOrCritical).ToList();
        Assert.True(blocking.Count == 0, $"axe-core {version} on the {what}:\n{Describe(blocking)}");
    }

    public static string Describe(IEnumerable<AxeViolation> violations)
    {
        var text = new StringBuilder();
        foreach (var v in violations)
        {
            text.Append("  [").Append(v.Impact).Append("] ").Append(v.Id).Append(": ").Append(v.Help).Append(" (").Append(v.HelpUrl).Append(")\n");
            foreach (var n in v.Nodes)
            {
                var html = n.Html.Length > 160 ? n.Html[..160] + "…" : n.Html;
                var summary = n.Summary.ReplaceLineEndings(" ").Trim();
                text.Append("      ").Append(n.Target).Append("  ").Append(html).Append('\n');
                if (summary.Length > 0)
                {
                    text.Append("        ").Append(summary.Length > 300 ? summary[..300] + "…" : summary).Append('\n');
                }
            }
        }

        return text.ToString();
    }
}
