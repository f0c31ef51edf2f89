using System.Text.RegularExpressions;
using MedTour.Cms.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MedTour.Cms.BrowserTests;

/// <summary>What a Russian-speaking patient in Ukraine does: switch language, read the article, ask for a consultation.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PatientJourneyTests(BrowserSite site)
{
    [Fact]
    public async Task Patient_switches_Ukraine_site_to_Russian_reads_liver_metastasis_article_and_reaches_consultation_page()
    {
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();

        // Ukraine home, Ukrainian culture.
        var home = await page.GotoAsync("/ua/");
        Assert.Equal(200, home!.Status);
        Assert.Equal("uk", await page.Locator("html").GetAttributeAsync("lang"));

        // The language switch: "Русский" leads to the Russian home.
        var languages = page.Locator("ul.languages a");
        Assert.Equal(2, await languages.CountAsync());
        var russian = page.Locator("ul.languages a[hreflang='ru']");
        Assert.Equal("Русский", (await russian.InnerTextAsync()).Trim());
        await russian.ClickAsync();
        await Expect(page).ToHaveURLAsync(site.Url("/ua/ru/").ToString());
        Assert.Equal("ru", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal("true", await page.Locator("ul.languages a[hreflang='ru']").GetAttributeAsync("aria-current"));

        // The article, by its link on the Russian home.
        var articleLink = page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Метастазы в печени", Exact = true }).First;
        await articleLink.ClickAsync();
        await Expect(page).ToHaveURLAsync(site.Url("/ua/ru/metastazy-v-pecheni").ToString());
        Assert.Equal("Метастазы в печени", (await page.Locator("main h1").InnerTextAsync()).Trim());

        // Medical review: the author and the editor, each with a name that links to their page.
        var author = page.Locator(".medical-author");
        var editor = page.Locator(".medical-editor");
        Assert.True(await author.IsVisibleAsync(), "The article shows no .medical-author");
        Assert.True(await editor.IsVisibleAsync(), "The article shows no .medical-editor");
        Assert.False(string.IsNullOrWhiteSpace(await author.Locator("a").First.InnerTextAsync()), "The medical author has no name");
        Assert.False(string.IsNullOrWhiteSpace(await editor.Locator("a").First.InnerTextAsync()), "The medical editor has no name");
        Assert.NotEqual(await author.Locator("a").First.GetAttributeAsync("href"), await editor.Locator("a").First.GetAttributeAsync("href"));

        // Exactly three call-to-action blocks, each with its link.
        var ctas = page.Locator("aside.cta");
        Assert.Equal(3, await ctas.CountAsync());
        Assert.Equal(3, await page.Locator("aside.cta a.cta-link").CountAsync());
        for (var i = 0; i < 3; i++)
        {
            Assert.True(await ctas.Nth(i).IsVisibleAsync(), $"CTA block {i + 1} is not visible");
        }

        // Following a CTA (the second, mid-article) lands on the Russian consultation page, the article's condition filled in.
        var consultationUrl = site.Url("/ua/ru/consultation").ToString();
        var navigation = page.WaitForResponseAsync(r => r.Request.IsNavigationRequest && r.Url.StartsWith(consultationUrl + "?condition=", StringComparison.Ordinal));
        await ctas.Nth(1).Locator("a.cta-link").ClickAsync();
        var response = await navigation;
        await Expect(page).ToHaveURLAsync(new Regex("^" + Regex.Escape(consultationUrl) + "\\?condition="));
        Assert.False(string.IsNullOrWhiteSpace(await page.Locator("#field-condition").InputValueAsync()), "The condition field is not prefilled");
        Assert.Equal(200, response.Status);
        Assert.Equal("ru", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Matches(new Regex("consultation|консультац", RegexOptions.IgnoreCase), await page.Locator("main h1").InnerTextAsync());
        Assert.Equal(1, await page.Locator("main form[action='/ua/ru/consultation']").CountAsync());
    }
}
