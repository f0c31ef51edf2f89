using System.Net;
using System.Text.Json.Nodes;
using MedTour.Cms.Content;
using MedTour.Cms.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Tests.MediaAdmin;

/// <summary>The theme's images: a raster hero gets a srcset of variants in the configured widths, each of which answers.</summary>
public abstract class MediaThemeTests(SiteFixture site)
{
    [Fact]
    public async Task An_article_with_a_photo_hero_offers_its_variants_in_a_srcset_that_all_answer()
    {
        var folder = MediaSamples.NewFolder(site, "europe");
        await File.WriteAllBytesAsync(MediaSamples.MediaFile(site, "europe", $"{folder}/hero.jpg"), MediaSamples.Jpeg(1280, 720));
        var path = Articles.UniquePath("media-srcset");
        var article = Articles.New("Srcset", path);
        article.Content["Article"]!["HeroImage"] = new JsonObject { ["Paths"] = new JsonArray($"{folder}/hero.jpg"), ["MediaTexts"] = new JsonArray("Hero") };
        await using (var scope = site.TenantScope("europe"))
        {
            await scope.ServiceProvider.GetRequiredService<ContentManager>().CreateAsync(article);
        }

        using var client = site.Client();
        var page = AdminSession.Parse(await client.GetStringAsync(new Uri($"/eu/{path}", UriKind.Relative)));
        var hero = page.QuerySelector(".hero img")!;
        Assert.Equal($"/eu/media/{folder}/hero.jpg", hero.GetAttribute("src"));
        Assert.Equal("(max-width: 960px) 100vw, 960px", hero.GetAttribute("sizes"));
        var candidates = hero.GetAttribute("srcset")!.Split(", ");
        Assert.Equal(["320w", "540w", "640w", "960w", "1280w", "1920w"], candidates.Select(c => c.Split(' ')[1]).ToArray());
        foreach (var url in candidates.Select(c => c.Split(' ')[0]))
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteMediaThemeTests(SqliteSite site) : MediaThemeTests(site);

[Collection(PostgresCollection.Name)]
public sealed class PostgresMediaThemeTests(PostgresSite site) : MediaThemeTests(site);
