using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MedTour.Cms.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace MedTour.Cms.BrowserTests;

/// <summary>
/// The ukraine site's workflow, mail, routing and patient-data admin in Chromium, as an Administrator made with the CLI:
/// the <c>consultation-routing</c> type (shipped by the recipe) is drawn by dagre as an SVG; invalid JSON typed into the
/// editor is refused with the error and no new version; a valid change is saved as the next version; a test e-mail is
/// sent. Every page passes axe (nothing serious or critical) at 375 and 1280 px and is photographed.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class WorkflowsAdminTests(BrowserSite site, ITestOutputHelper output)
{
    private const string TypePath = "/ua/admin/workflows/types/consultation-routing";

    [Fact]
    public async Task An_administrator_edits_the_routing_workflow_sends_a_test_mail_and_every_page_passes_axe()
    {
        var admin = await site.CreateUserAsync("ukraine", "Administrator");
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await BrowserSite.SignInAsync(page, "/ua", admin);

        Assert.Equal(200, (await page.GotoAsync("/ua/admin/workflows"))!.Status);
        await Expect(page.Locator("tr[data-workflow-type='consultation-routing']")).ToBeVisibleAsync();
        await CheckAsync(page, "admin-workflows");

        await page.Locator($"tr[data-workflow-type='consultation-routing'] a[href$='{TypePath}']").First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(TypePath) + "$"));
        // The dagre drawing: one SVG group per activity, and the editor replaced the textarea.
        await Expect(page.Locator("[data-workflow-diagram] svg g.workflow-node").First).ToBeVisibleAsync();
        var activities = JsonNode.Parse(await TextareaAsync(page))!["Activities"]!.AsArray().Count;
        await Expect(page.Locator("[data-workflow-diagram] svg g.workflow-node")).ToHaveCountAsync(activities);
        await Expect(page.Locator(".cm-content")).ToBeVisibleAsync();
        var version = await LatestVersionAsync(page);
        var original = await TextareaAsync(page);
        await CheckAsync(page, "admin-workflow-type");

        // Invalid JSON: the diagram says so while typing, the server refuses it with the error, nothing is saved.
        await TypeAsync(page, "{ \"WorkflowTypeId\": \"consultation-routing\", ");
        await Expect(page.Locator("[data-workflow-diagram] p.hint[aria-live]")).Not.ToBeEmptyAsync();
        await SaveAsync(page);
        await Expect(page.Locator("[data-error-summary]")).ToBeVisibleAsync();
        await Expect(page.Locator("#json-error")).ToBeVisibleAsync();
        Assert.Equal(version, await LatestVersionAsync(page));
        await CheckAsync(page, "admin-workflow-type-invalid");

        // A valid change (the name): saved as the next version.
        var changed = JsonNode.Parse(original)!.AsObject();
        changed["Name"] = changed["Name"]!.GetValue<string>() + " (edited in the browser)";
        await TypeAsync(page, changed.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        await SaveAsync(page);
        await Expect(page.Locator("[data-error-summary]")).ToHaveCountAsync(0);
        await Expect(page.Locator(".flash")).ToBeVisibleAsync();
        Assert.Equal(version + 1, await LatestVersionAsync(page));
        Assert.Contains("(edited in the browser)", await TextareaAsync(page), StringComparison.Ordinal);

        Assert.Equal(200, (await page.GotoAsync("/ua/admin/mail"))!.Status);
        await CheckAsync(page, "admin-mail");
        await page.FillAsync("#to", "wfadmin-browser@example.com");
        await page.ClickAsync("form[action$='/admin/mail/test'] button[type=submit]");
        await Expect(page).ToHaveURLAsync(new Regex("/ua/admin/mail$"));
        await Expect(page.Locator(".flash")).ToContainTextAsync("wfadmin-browser@example.com");
        await CheckAsync(page, "admin-mail-sent");

        Assert.Equal(200, (await page.GotoAsync("/ua/admin/consultations/routing"))!.Status);
        await CheckAsync(page, "admin-consultation-routing");

        Assert.Equal(200, (await page.GotoAsync("/ua/admin/patients"))!.Status);
        await CheckAsync(page, "admin-patients");
    }

    /// <summary>Replaces the CodeMirror document with <paramref name="text"/>, as a paste would, and waits for the form's textarea to have it.</summary>
    private static async Task TypeAsync(IPage page, string text)
    {
        await page.Locator(".cm-content").ClickAsync();
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.InsertTextAsync(text);
        await page.WaitForFunctionAsync("expected => document.querySelector('textarea[name=json]').value === expected", text);
    }

    private static async Task SaveAsync(IPage page) =>
        await Task.WhenAll(page.WaitForLoadStateAsync(LoadState.Load), page.ClickAsync("form.workflow-form button[type=submit]"));

    private static Task<string> TextareaAsync(IPage page) => page.Locator("textarea[name=json]").InputValueAsync();

    private static async Task<int> LatestVersionAsync(IPage page) =>
        int.Parse(Digits().Match(await page.Locator(".toolbar p").First.InnerTextAsync()).Value, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>axe-core at 375 and 1280 px (serious or critical violations fail; others are written out) and a full-page screenshot of each.</summary>
    private async Task CheckAsync(IPage page, string name)
    {
        var failures = new List<string>();
        foreach (var width in new[] { 375, 1280 })
        {
            await page.SetViewportSizeAsync(width, 800);
            var (version, violations) = await Axe.RunAsync(page, site.AxeSource);
            var blocking = violations.Where(v => v.IsSeriousOrCritical).ToList();
            if (violations.Count > blocking.Count)
            {
                output.WriteLine($"axe-core {version} on {name} at {width}px: moderate/minor\n{Axe.Describe(violations.Except(blocking))}");
            }

            if (blocking.Count > 0)
            {
                failures.Add($"axe-core {version} on {name} at {width}px:\n{Axe.Describe(blocking)}");
            }

            await page.ScreenshotAsync(new() { Path = Path.Combine(site.ScreenshotsDirectory, $"{name}-{width}.png"), FullPage = true });
        }

        await page.SetViewportSizeAsync(1280, 800);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();
}
