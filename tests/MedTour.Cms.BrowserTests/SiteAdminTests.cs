using System.Text.RegularExpressions;
using MedTour.Cms.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace MedTour.Cms.BrowserTests;

/// <summary>
/// The site admin in Chromium: an administrator creates the <c>poland</c> site from a recipe and it answers; a template
/// with a Liquid error is refused with its line, a valid one shows on the public page; every page passes axe at 375
/// and 1280 px and is photographed.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class SiteAdminTests(BrowserSite site, ITestOutputHelper output)
{
    [Fact]
    public async Task An_administrator_creates_the_poland_tenant_from_a_recipe_and_its_site_answers()
    {
        await using var context = await site.NewContextAsync();
        var tab = await context.NewPageAsync();
        await SignInAsync(tab, string.Empty);

        await tab.GotoAsync("/admin/tenants/create");
        await tab.FillAsync("#name", "poland");
        await tab.FillAsync("#displayName", "Poland");
        await tab.FillAsync("#prefix", "pl");
        await tab.FillAsync("#cultures", "en");
        await tab.SelectOptionAsync("#recipe", "medtour-europe");
        await tab.FillAsync("#adminUserName", "poland-admin");
        await tab.FillAsync("#adminEmail", "admin@pl.medtour.example");
        await tab.FillAsync("#adminPassword", WebAppServer.AdminPassword);
        await tab.GetByRole(AriaRole.Button, new() { Name = "Create and set up" }).ClickAsync();

        await Assertions.Expect(tab.Locator(".flash")).ToContainTextAsync("Tenant poland was created and set up.", new() { Timeout = 60_000 });
        await Assertions.Expect(tab.Locator("tr[data-tenant=poland]")).ToContainTextAsync("Running");
        var publicPage = await tab.GotoAsync("/pl/liver-metastasis");
        Assert.Equal(200, publicPage!.Status);
        await Assertions.Expect(tab.Locator("h1")).Not.ToBeEmptyAsync();

        // The same name or prefix again: refused next to the field, with the CLI's message.
        await tab.GotoAsync("/admin/tenants/create");
        await tab.FillAsync("#name", "poland2");
        await tab.FillAsync("#prefix", "pl");
        await tab.FillAsync("#adminEmail", "admin@pl.medtour.example");
        await tab.FillAsync("#adminPassword", WebAppServer.AdminPassword);
        await tab.GetByRole(AriaRole.Button, new() { Name = "Create and set up" }).ClickAsync();
        await Assertions.Expect(tab.Locator("#prefix-error")).ToContainTextAsync("'pl' is already the prefix of tenant 'poland'.");
    }

    [Fact]
    public async Task A_template_with_a_Liquid_error_is_refused_with_its_line_and_a_valid_one_shows_on_the_public_page()
    {
        await using var context = await site.NewContextAsync();
        var tab = await context.NewPageAsync();
        tab.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await SignInAsync(tab, "/eu");
        try
        {
            await tab.GotoAsync("/eu/admin/templates/edit?name=Content-Article");
            var editor = tab.Locator(".cm-content");
            await Assertions.Expect(editor).ToBeVisibleAsync();
            await ReplaceSourceAsync(tab, "<article>\n  <h1>{{ Model.ContentItem.DisplayText }}</h1>\n  {% if Model.ContentItem %}\n  <p>never closed</p>\n</article>");
            await tab.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();

            await Assertions.Expect(tab.Locator("#content-error")).ToContainTextAsync(LineAndColumn());
            await Assertions.Expect(tab.Locator(".error-summary")).ToBeFocusedAsync();
            await Assertions.Expect(tab.Locator(".cm-error-line")).ToHaveCountAsync(1);
            // Asked outside the tab: pages send Last-Modified without Cache-Control, so Chromium would keep this copy
            // by heuristic freshness and show it again after the save below.
            var notSaved = await context.APIRequest.GetAsync("/eu/liver-metastasis");
            Assert.DoesNotContain("never closed", await notSaved.TextAsync(), StringComparison.Ordinal);

            await tab.GotoAsync("/eu/admin/templates/edit?name=Content-Article");
            await ReplaceSourceAsync(tab, "<article class=\"browser-override\">\n  <h1>Overridden: {{ Model.ContentItem.DisplayText }}</h1>\n</article>");
            await tab.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
            await Assertions.Expect(tab.Locator(".flash")).ToContainTextAsync("Template Content-Article saved.");

            await tab.GotoAsync("/eu/liver-metastasis");
            await Assertions.Expect(tab.Locator("article.browser-override h1")).ToContainTextAsync("Overridden:");
        }
        finally
        {
            // Back to the theme's view, for the other browser tests that read Europe's articles.
            await tab.GotoAsync("/eu/admin/templates/edit?name=Content-Article");
            var restore = tab.GetByRole(AriaRole.Button, new() { Name = "Use the theme's view" });
            if (await restore.CountAsync() > 0)
            {
                await restore.ClickAsync();
                await Assertions.Expect(tab.Locator(".flash")).ToContainTextAsync("uses the theme's view again");
            }
        }
    }

    /// <summary>Every page this area adds, per tenant; one sign-in per tenant (sign-ins from one address are rate limited).</summary>
    private static readonly (string Prefix, string[] Paths)[] Pages =
    [
        ("", ["/admin/tenants", "/admin/tenants/create"]),
        ("/eu", ["/admin/templates", "/admin/templates/edit?name=Layout", "/admin/settings", "/admin/import", "/admin/export",
            "/admin/definitions", "/admin/definitions/Article", "/admin/definitions/Article/fields/Summary"]),
    ];

    [Fact]
    public async Task Every_site_admin_page_passes_axe_at_375_and_1280_px()
    {
        var failures = new List<string>();
        foreach (var (prefix, paths) in Pages)
        {
            await using var context = await site.NewContextAsync();
            var tab = await context.NewPageAsync();
            await SignInAsync(tab, prefix);
            foreach (var path in paths)
            {
                foreach (var width in new[] { 375, 1280 })
                {
                    await tab.SetViewportSizeAsync(width, 800);
                    var response = await tab.GotoAsync(prefix + path);
                    Assert.Equal(200, response!.Status);
                    if (path.StartsWith("/admin/templates/edit", StringComparison.Ordinal))
                    {
                        await Assertions.Expect(tab.Locator(".cm-content")).ToBeVisibleAsync();
                    }

                    var (version, violations) = await Axe.RunAsync(tab, site.AxeSource);
                    var blocking = violations.Where(v => v.IsSeriousOrCritical).ToList();
                    if (violations.Count > blocking.Count)
                    {
                        output.WriteLine($"axe-core {version} on {prefix}{path} at {width}px: moderate/minor\n{Axe.Describe(violations.Except(blocking))}");
                    }

                    if (blocking.Count > 0)
                    {
                        failures.Add($"axe-core {version} on {prefix}{path} at {width}px:\n{Axe.Describe(blocking)}");
                    }

                    if (await tab.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1"))
                    {
                        failures.Add($"{prefix}{path} scrolls sideways at {width}px");
                    }

                    var name = "site-admin" + Slug().Replace((prefix + path).ToLowerInvariant(), "-").TrimEnd('-');
                    await tab.ScreenshotAsync(new() { Path = Path.Combine(site.ScreenshotsDirectory, $"{name}-{width}.png"), FullPage = true });
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>Signs in as the tenant's administrator through its sign-in page.</summary>
    private static async Task SignInAsync(IPage tab, string prefix)
    {
        await tab.GotoAsync(prefix + "/login");
        await tab.FillAsync("#login-username", "admin");
        await tab.FillAsync("#login-password", WebAppServer.AdminPassword);
        await Task.WhenAll(tab.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal)), tab.Locator("form button[type=submit]").Last.ClickAsync());
    }

    /// <summary>Replaces the editor's text as a user would: select all, then type (inserted at once, to be quick).</summary>
    private static async Task ReplaceSourceAsync(IPage tab, string source)
    {
        await tab.Locator(".cm-content").ClickAsync();
        await tab.Keyboard.PressAsync("Control+A");
        await tab.Keyboard.PressAsync("Delete");
        await tab.Keyboard.InsertTextAsync(source);
    }

    [GeneratedRegex("line \\d+, column \\d+")]
    private static partial Regex LineAndColumn();

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex Slug();
}
