using System.Text.Json.Nodes;
using MedTour.Cms.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace MedTour.Cms.BrowserTests;

/// <summary>
/// The content list, bulk publish, versions and translation in Chromium on `ukraine` (/ua, cultures uk and ru). The
/// articles come from a recipe imported with the CLI (the editor is another area's); each page is checked with axe and
/// photographed at 375 and 1280 px.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ContentAdminTests(BrowserSite site)
{
    [Fact]
    public async Task An_editor_filters_the_list_and_bulk_publishes_after_confirming()
    {
        var tag = Tag("Browser list");
        var uk = Id("uk");
        var ru = Id("ru");
        await ImportAsync(Article(uk, tag + " перша", "uk", published: false), Article(ru, tag + " вторая", "ru", published: false));
        var page = await SignedInPageAsync();

        await page.GotoAsync("/ua/admin/content");
        await page.FillAsync("#text", tag);
        await page.SelectOptionAsync("#culture", "ru");
        await page.ClickAsync("form[role=search] button[type=submit]");
        await Assertions.Expect(page.Locator("table.content-list tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator($"tr[data-id='{ru}']")).ToBeVisibleAsync();
        await CheckAsync(page, "content-list");

        await page.SelectOptionAsync("#culture", string.Empty);
        await page.ClickAsync("form[role=search] button[type=submit]");
        await Assertions.Expect(page.Locator("table.content-list tbody tr")).ToHaveCountAsync(2);
        await page.CheckAsync($"#select-{uk}");
        await page.CheckAsync($"#select-{ru}");
        await page.SelectOptionAsync("#bulk-action", "publish");
        await page.ClickAsync("text=Apply…");
        await Assertions.Expect(page.Locator("ul.bulk-allowed li")).ToHaveCountAsync(2);
        await CheckAsync(page, "content-bulk-confirm");

        await page.CheckAsync("#confirmed");
        await page.ClickAsync("form[data-bulk-confirm] button[type=submit]");
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("Published 2 items.");
        await Assertions.Expect(page.Locator($"tr[data-id='{uk}'] .badge.published")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task An_editor_compares_two_versions_and_restores_the_first_as_a_draft()
    {
        var id = Id("versions");
        var tag = Tag("Browser versions");
        await ImportAsync(Article(id, tag + " one", "uk", published: true, body: "<p>Same</p><p>First body</p>"));
        var second = Article(id, tag + " two", "uk", published: false, body: "<p>Same</p><p>Second body</p>");
        second["ContentItemVersionId"] = id + "-v2";
        await ImportAsync(second);
        var page = await SignedInPageAsync();

        await page.GotoAsync($"/ua/admin/content/{id}/versions");
        await Assertions.Expect(page.Locator("table.versions tbody tr")).ToHaveCountAsync(2);
        await CheckAsync(page, "content-versions");

        await page.ClickAsync("text=Compare the chosen versions");
        await Assertions.Expect(page.Locator("section[data-field='TitlePart.Title']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("section[data-field='HtmlBodyPart.Html'] .diff-side").Nth(1)).ToContainTextAsync("Second body");
        await CheckAsync(page, "content-version-diff");

        await page.GotoAsync($"/ua/admin/content/{id}/versions");
        await page.ClickAsync($"tr[data-version='{id}-v1'] button[name=version]");
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("restored as a new draft");
        await Assertions.Expect(page.Locator("table.versions tbody tr")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(tag + " one");
    }

    [Fact]
    public async Task An_editor_translates_a_Ukrainian_article_to_Russian_and_the_set_lists_both()
    {
        var id = Id("translate");
        await ImportAsync(Article(id, Tag("Стаття для перекладу"), "uk", published: true));
        var page = await SignedInPageAsync();

        await page.GotoAsync($"/ua/admin/content/{id}/translate");
        await CheckAsync(page, "content-translate");
        await page.SelectOptionAsync("#culture", "ru");
        await page.ClickAsync("form:has(#culture) button[type=submit]");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.EndsWith("/edit", StringComparison.Ordinal));
        var newId = new Uri(page.Url).AbsolutePath.Split('/')[^2];
        Assert.StartsWith("/ua/admin/content/", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);

        await page.GotoAsync($"/ua/admin/content/{id}/translate");
        await Assertions.Expect(page.Locator("table.translations tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator($"tr[data-culture='ru'][data-id='{newId}'] .badge.draft")).ToBeVisibleAsync();

        await page.GotoAsync("/ua/admin/audit-trail?event=created");
        await Assertions.Expect(page.Locator($"table.audit-events tr[data-item='{newId}']")).ToBeVisibleAsync();
        await CheckAsync(page, "audit-trail");
    }

    private async Task<IPage> SignedInPageAsync()
    {
        var editor = await site.CreateUserAsync("ukraine", "Editor");
        var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await BrowserSite.SignInAsync(page, "/ua", editor);
        return page;
    }

    /// <summary>No serious or critical axe violation, and a screenshot at each width.</summary>
    private async Task CheckAsync(IPage page, string name)
    {
        var (version, violations) = await Axe.RunAsync(page, site.AxeSource);
        var blocking = violations.Where(v => v.IsSeriousOrCritical).ToList();
        Assert.True(blocking.Count == 0, $"axe-core {version} on {page.Url}:\n{Axe.Describe(blocking)}");
        foreach (var width in new[] { 375, 1280 })
        {
            await page.SetViewportSizeAsync(width, 800);
            await page.ScreenshotAsync(new() { Path = Path.Combine(site.ScreenshotsDirectory, $"{name}-{width}.png"), FullPage = true });
        }
    }

    private async Task ImportAsync(params JsonObject[] items)
    {
        var recipe = new JsonObject
        {
            ["name"] = "content-admin-browser",
            ["steps"] = new JsonArray(new JsonObject { ["name"] = "Content", ["data"] = new JsonArray([.. items]) }),
        };
        var file = Path.Combine(Path.GetTempPath(), $"content-admin-{Guid.NewGuid():N}.recipe.json");
        await File.WriteAllTextAsync(file, recipe.ToJsonString());
        try
        {
            await site.Server.RunCliAsync("recipe", "import", "ukraine", file);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static JsonObject Article(string id, string title, string culture, bool published, string? body = null) => new()
    {
        ["ContentItemId"] = id,
        ["ContentItemVersionId"] = id + "-v1",
        ["ContentType"] = "Article",
        ["DisplayText"] = title,
        ["Published"] = published,
        ["Owner"] = "admin",
        ["TitlePart"] = new JsonObject { ["Title"] = title },
        ["AutoroutePart"] = new JsonObject { ["Path"] = id },
        ["LocalizationPart"] = new JsonObject { ["Culture"] = culture, ["LocalizationSet"] = id + "-set" },
        ["Article"] = new JsonObject
        {
            ["Summary"] = new JsonObject { ["Text"] = "Summary of " + title },
            ["MedicalAuthor"] = new JsonObject { ["ContentItemIds"] = new JsonArray("ua-person-01") },
        },
        ["HtmlBodyPart"] = new JsonObject { ["Html"] = body ?? $"<p>{title}</p>" },
    };

    private static string Id(string stem) => $"browser-{stem}-{Guid.NewGuid().ToString("N")[..8]}";

    private static string Tag(string stem) => $"{stem} {Guid.NewGuid().ToString("N")[..6]}";
}
