using System.Text.Json.Nodes;
using MedTour.Cms.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace MedTour.Cms.BrowserTests;

/// <summary>
/// An editor who works on ukraine and europe (an account on each, same user name and e-mail) translates a Ukrainian
/// article into English on europe: the link on ukraine's translate page opens europe's editor prefilled, the medical
/// author (a Ukrainian person, unknown on europe) is picked again, and both sites' translate pages list the set.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class RegionTranslationTests(BrowserSite site)
{
    [Fact]
    public async Task An_editor_translates_a_Ukrainian_article_on_europe_prefilled_and_both_regions_list_it()
    {
        var id = $"browser-region-{Guid.NewGuid().ToString("N")[..8]}";
        var title = "Метастази в печінці " + Guid.NewGuid().ToString("N")[..6];
        await ImportAsync(id, title);
        var user = $"editor-{Guid.NewGuid():N}"[..24];
        foreach (var tenant in new[] { "ukraine", "europe" })
        {
            await site.Server.RunCliAsync("user", "create", tenant, user, "--email", user + "@medtour.example", "--password", BrowserSite.UserPassword, "--roles", "Editor");
        }

        var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await BrowserSite.SignInAsync(page, "/ua", user);
        await BrowserSite.SignInAsync(page, "/eu", user);

        await page.GotoAsync($"/ua/admin/content/{id}/translate");
        var europe = page.Locator("[data-region=europe]");
        await Assertions.Expect(europe).ToContainTextAsync("No translation on this site yet");
        await CheckAsync(page, "content-translate-regions");
        await europe.Locator("a[data-translate-to='europe/en']").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/eu/admin/content/Article/create");

        await Assertions.Expect(page.Locator("#translation-notice")).ToContainTextAsync("Medical author");
        await Assertions.Expect(page.Locator("input[name='TitlePart.Title']")).ToHaveValueAsync(title);
        await Assertions.Expect(page.Locator("select[name='LocalizationPart.Culture']")).ToHaveValueAsync("en");
        await CheckAsync(page, "content-create-from-region");
        await page.FillAsync("input[name='TitlePart.Title']", "Liver metastases " + id);
        await page.FillAsync("input[name='Article.MedicalAuthor']", "eu-person-01");
        await page.ClickAsync("button[name='submit.action'][value=save]");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.EndsWith("/edit", StringComparison.Ordinal));
        var path = new Uri(page.Url).AbsolutePath;
        Assert.StartsWith("/eu/admin/content/", path, StringComparison.Ordinal);
        var newId = path.Split('/')[^2];

        await page.GotoAsync($"/ua/admin/content/{id}/translate");
        await Assertions.Expect(page.Locator($"[data-region=europe] li[data-culture=en][data-id='{newId}'] .badge.draft")).ToBeVisibleAsync();
        await page.GotoAsync($"/eu/admin/content/{newId}/translate");
        await Assertions.Expect(page.Locator($"[data-region=ukraine] li[data-culture=uk][data-id='{id}']")).ToBeVisibleAsync();
    }

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

    private async Task ImportAsync(string id, string title)
    {
        var item = new JsonObject
        {
            ["ContentItemId"] = id,
            ["ContentItemVersionId"] = id + "-v1",
            ["ContentType"] = "Article",
            ["DisplayText"] = title,
            ["Published"] = true,
            ["Owner"] = "admin",
            ["TitlePart"] = new JsonObject { ["Title"] = title },
            ["AutoroutePart"] = new JsonObject { ["Path"] = id },
            ["LocalizationPart"] = new JsonObject { ["Culture"] = "uk", ["LocalizationSet"] = id + "-set" },
            ["Article"] = new JsonObject
            {
                ["Summary"] = new JsonObject { ["Text"] = "Коротко: " + title },
                ["MedicalAuthor"] = new JsonObject { ["ContentItemIds"] = new JsonArray("ua-person-01") },
            },
            ["HtmlBodyPart"] = new JsonObject { ["Html"] = $"<p>{title}</p>" },
        };
        var recipe = new JsonObject { ["name"] = "region-translation-browser", ["steps"] = new JsonArray(new JsonObject { ["name"] = "Content", ["data"] = new JsonArray(item) }) };
        var file = Path.Combine(Path.GetTempPath(), $"region-translation-{Guid.NewGuid():N}.recipe.json");
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
}
