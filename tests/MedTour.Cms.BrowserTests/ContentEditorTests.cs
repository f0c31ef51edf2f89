using MedTour.Cms.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace MedTour.Cms.BrowserTests;

/// <summary>
/// The content editor in Chromium: an author writes a Ukrainian article with the picker, a term and the rich text
/// editor and saves a draft; a medical editor previews and publishes it; two editors collide on one item.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ContentEditorTests(BrowserSite site)
{
    [Fact]
    public async Task An_author_drafts_a_Ukrainian_article_and_a_medical_editor_previews_and_publishes_it()
    {
        var author = await site.CreateUserAsync("ukraine", "Author");
        await using var authorContext = await site.NewContextAsync();
        var page = await authorContext.NewPageAsync();
        await BrowserSite.SignInAsync(page, "/ua", author);

        await page.GotoAsync("/ua/admin/content/Article/create");
        await AssertAccessibleAsync(page, "article-create");
        Assert.Equal(0, await page.Locator("button[value=publish]").CountAsync());

        var title = "Рак печінки: що варто знати " + Guid.NewGuid().ToString("N")[..6];
        await page.FillAsync("#TitlePart\\.Title", title);
        await page.FillAsync("#Article\\.Summary", "Коротко про діагностику та лікування.");
        await PickAsync(page, "Article.MedicalAuthor", "Ірина", "Ірина Коваленко");
        await PickAsync(page, "Article.MedicalEditor", "Андрій", "Андрій Мельничук");
        await page.CheckAsync("input[name='Article.Conditions'][value='term-condition-liver-metastasis']");
        await page.Locator(".rich-text .ProseMirror").ClickAsync();
        await page.Keyboard.TypeAsync("Перший абзац статті.");
        // The path preview shows the address the pattern makes of the title (Cyrillic in Latin letters, KMU 2010).
        await Assertions.Expect(page.Locator("[data-path-preview-output]")).ToContainTextAsync("/rak-pechinky-shcho-varto-znaty");
        await page.ClickAsync("button[value=save]");

        await page.WaitForURLAsync(url => url.EndsWith("/edit", StringComparison.Ordinal));
        var editUrl = new Uri(page.Url).AbsolutePath;
        var id = editUrl.Split('/')[^2];
        Assert.Equal("ua-person-01", await page.InputValueAsync("#Article\\.MedicalAuthor"));
        Assert.Equal("ua-person-02", await page.InputValueAsync("#Article\\.MedicalEditor"));
        Assert.Contains("Перший абзац статті.", await page.InputValueAsync("#HtmlBodyPart\\.Html"), StringComparison.Ordinal);
        var path = await page.InputValueAsync("#AutoroutePart\\.Path");
        Assert.StartsWith("rak-pechinky-shcho-varto-znaty", path, StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("button[value=publish]").CountAsync());
        await AssertAccessibleAsync(page, "article-edit-author");
        Assert.Equal(404, (await page.APIRequest.GetAsync("/ua/" + path)).Status);

        var medical = await site.CreateUserAsync("ukraine", "MedicalEditor");
        await using var medicalContext = await site.NewContextAsync();
        var reviewer = await medicalContext.NewPageAsync();
        await BrowserSite.SignInAsync(reviewer, "/ua", medical);
        var preview = await reviewer.GotoAsync($"/ua/admin/content/{id}/preview");
        Assert.Equal(200, preview!.Status);
        Assert.Equal("no-store", preview.Headers["cache-control"]);
        await Assertions.Expect(reviewer.Locator("h1")).ToContainTextAsync(title);
        await reviewer.ScreenshotAsync(new() { Path = Path.Combine(site.ScreenshotsDirectory, "article-preview-1280.png"), FullPage = true });

        await reviewer.GotoAsync(editUrl);
        await reviewer.ClickAsync("button[value=publish]");
        await reviewer.WaitForURLAsync(url => url.EndsWith("/edit", StringComparison.Ordinal));
        var published = await reviewer.GotoAsync("/ua/" + path);
        Assert.Equal(200, published!.Status);
        await Assertions.Expect(reviewer.Locator("h1")).ToContainTextAsync(title);
    }

    [Fact]
    public async Task Two_editors_save_the_same_item_and_the_second_gets_the_conflict_page_with_their_text_kept()
    {
        var first = await site.CreateUserAsync("ukraine", "Editor");
        var second = await site.CreateUserAsync("ukraine", "Editor");
        await using var firstContext = await site.NewContextAsync();
        await using var secondContext = await site.NewContextAsync(375, 800);
        var one = await firstContext.NewPageAsync();
        var two = await secondContext.NewPageAsync();
        await BrowserSite.SignInAsync(one, "/ua", first);
        await BrowserSite.SignInAsync(two, "/ua", second);

        await one.GotoAsync("/ua/admin/content/Article/create");
        await one.FillAsync("#TitlePart\\.Title", "Спільна стаття " + Guid.NewGuid().ToString("N")[..6]);
        await one.FillAsync("#Article\\.Summary", "Початковий опис.");
        await one.FillAsync("#Article\\.MedicalAuthor", "ua-person-01");
        await Assertions.Expect(one.Locator(".field:has(#Article\\.MedicalAuthor) [data-picked]")).ToContainTextAsync("ua-person-01");
        var created = await one.RunAndWaitForResponseAsync(() => one.ClickAsync("button[value=save]"), r => r.Request.Method == "POST");
        Assert.True(created.Status == 302, $"{created.Status}: {await one.InnerTextAsync("main")}");
        await one.WaitForURLAsync(url => url.EndsWith("/edit", StringComparison.Ordinal));
        var editUrl = new Uri(one.Url).AbsolutePath;

        await two.GotoAsync(editUrl);
        await one.FillAsync("#Article\\.Summary", "Опис першого редактора.");
        var saved = await one.RunAndWaitForResponseAsync(() => one.ClickAsync("button[value=save]"), r => r.Request.Method == "POST");
        Assert.Equal(302, saved.Status);

        await two.FillAsync("#Article\\.Summary", "Опис другого редактора.");
        var conflict = await two.RunAndWaitForResponseAsync(() => two.ClickAsync("button[value=save]"), r => r.Request.Method == "POST");
        Assert.Equal(409, conflict.Status);
        await Assertions.Expect(two.Locator(".conflict table")).ToContainTextAsync("Опис першого редактора.");
        Assert.Equal("Опис другого редактора.", await two.InputValueAsync("#Article\\.Summary"));
        await AssertAccessibleAsync(two, "article-conflict", widths: [375]);
    }

    /// <summary>Chooses <paramref name="title"/> in a content picker by typing <paramref name="search"/> in its search box.</summary>
    private static async Task PickAsync(IPage page, string field, string search, string title)
    {
        var id = field.Replace(".", "\\.", StringComparison.Ordinal);
        await page.FillAsync($"#{id}-search", search);
        await page.Locator($".field:has(#{id}) .picker-results button", new() { HasText = title }).ClickAsync();
        await Assertions.Expect(page.Locator($".field:has(#{id}) [data-picked]")).ToContainTextAsync(title);
    }

    private async Task AssertAccessibleAsync(IPage page, string name, int[]? widths = null)
    {
        var (version, violations) = await Axe.RunAsync(page, site.AxeSource);
        var blocking = violations.Where(v => v.IsSeriousOrCritical).ToList();
        Assert.True(blocking.Count == 0, $"axe-core {version} on {page.Url}:\n{Axe.Describe(blocking)}");
        foreach (var width in widths ?? [375, 1280])
        {
            await page.SetViewportSizeAsync(width, 800);
            await page.ScreenshotAsync(new() { Path = Path.Combine(site.ScreenshotsDirectory, $"{name}-{width}.png"), FullPage = true });
        }
    }
}
