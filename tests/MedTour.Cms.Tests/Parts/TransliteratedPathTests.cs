using MedTour.Cms.Content;
using MedTour.Cms.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Tests.Parts;

/// <summary>A generated path spells a Cyrillic title in Latin letters by the item's culture; a stored path never changes.</summary>
public abstract class TransliteratedPathTests(SiteFixture site)
{
    [Theory]
    [InlineData("uk", "Радіоемболізація метастазів у печінці", "radioembolizatsiia-metastaziv-u-pechintsi")]
    [InlineData("uk", "Їжа після хіміотерапії: з'ясовуємо разом", "yizha-pislia-khimioterapii-ziasovuiemo-razom")]
    [InlineData("ru", "Радиоэмболизация метастазов в печени", "radioembolizatsiia-metastazov-v-pecheni")]
    [InlineData("ru", "Щадящая хирургия: объём операции", "shchadiashchaia-khirurgiia-obieem-operatsii")]
    public async Task A_new_article_gets_a_latin_path_from_its_cyrillic_title(string culture, string title, string path)
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var article = Articles.New($"{title} {tag}", path: null, culture, "ua-person-01");
        await using (var scope = site.TenantScope("ukraine"))
        {
            await scope.ServiceProvider.GetRequiredService<ContentManager>().CreateAsync(article);
        }

        var stored = await site.LatestAsync("ukraine", article.ContentItemId);
        Assert.Equal($"{path}-{tag}", stored!.Content["AutoroutePart"]!["Path"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_stored_cyrillic_path_is_kept_when_the_item_is_saved_again()
    {
        var path = "метастази-" + Guid.NewGuid().ToString("N")[..8];
        var article = Articles.New("Метастази", path, "uk", "ua-person-01");
        await using (var scope = site.TenantScope("ukraine"))
        {
            await scope.ServiceProvider.GetRequiredService<ContentManager>().CreateAsync(article);
        }

        await using (var scope = site.TenantScope("ukraine"))
        {
            var content = scope.ServiceProvider.GetRequiredService<ContentManager>();
            var latest = await content.GetAsync(article.ContentItemId, VersionOptions.Latest);
            latest!.Content["TitlePart"]!["Title"] = "Метастази в печінці";
            await content.UpdateAsync(latest);
        }

        var stored = await site.LatestAsync("ukraine", article.ContentItemId);
        Assert.Equal(path, stored!.Content["AutoroutePart"]!["Path"]!.GetValue<string>());
        Assert.Equal(System.Net.HttpStatusCode.OK, (await site.Client().GetAsync(new Uri("/ua/" + Uri.EscapeDataString(path), UriKind.Relative))).StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteTransliteratedPathTests(SqliteSite site) : TransliteratedPathTests(site);

[Collection(PostgresCollection.Name)]
public sealed class PostgresTransliteratedPathTests(PostgresSite site) : TransliteratedPathTests(site);
