using System.Text.RegularExpressions;
using System.Web;
using MedTour.Cms.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MedTour.Cms.BrowserTests;

/// <summary>The clinics list's GET filter form, used as a patient would: choose a country, press the button.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ClinicFilterTests(BrowserSite site)
{
    private const string Country = "Germany";

    [Fact]
    public async Task Filtering_clinics_by_country_lists_only_clinics_in_that_country()
    {
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        Assert.Equal(200, (await page.GotoAsync("/eu/clinics"))!.Status);

        var cards = page.Locator("main ul.cards > li");
        var allCount = await cards.CountAsync();
        Assert.True(allCount > 1, $"The unfiltered list shows {allCount} clinics");
        Assert.Equal("", await page.Locator("#filter-country").InputValueAsync());

        var chosen = await page.SelectOptionAsync("#filter-country", new Microsoft.Playwright.SelectOptionValue { Label = Country });
        var value = Assert.Single(chosen);
        Assert.False(string.IsNullOrEmpty(value));
        await page.Locator("main form.filters button[type='submit']").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/eu/clinics\?(.*&)?country="));

        // The query string carries the choice, and the form shows it again.
        var query = HttpUtility.ParseQueryString(new Uri(page.Url).Query);
        Assert.Equal(value, query["country"]);
        Assert.Equal(value, await page.Locator("#filter-country").InputValueAsync());

        // Fewer clinics than before, and the count in the status line matches the cards.
        var links = await page.Locator("main ul.cards > li h3 a").EvaluateAllAsync<string[]>("els => els.map(a => a.getAttribute('href'))");
        Assert.NotEmpty(links);
        Assert.True(links.Length < allCount, $"Filtering by {Country} still lists {links.Length} of {allCount} clinics");
        Assert.Contains($"{links.Length} clinic", await page.Locator("main [role='status']").InnerTextAsync(), StringComparison.Ordinal);

        // Every listed clinic is in that country, by its own page.
        foreach (var href in links)
        {
            Assert.Equal(200, (await page.GotoAsync(href))!.Status);
            var country = await page.EvaluateAsync<string?>("""
                () => {
                  const dt = [...document.querySelectorAll('dl.facts dt')].find(d => d.textContent.trim() === 'Country');
                  return dt && dt.nextElementSibling ? dt.nextElementSibling.textContent.trim() : null;
                }
                """);
            Assert.True(country == Country, $"{href} is listed under {Country} but its page says Country: {country ?? "(none)"}");
        }
    }
}
