using System.Net;
using System.Text.Json.Nodes;
using MedTour.Cms.Content;
using MedTour.Cms.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Tests.Site;

/// <summary>
/// Pages come from the output cache until what they show is published, unpublished or removed; then the very
/// next request shows the change. Conditional requests get 304 while the page is the same.
/// </summary>
public abstract class ThemeCacheTests(SiteFixture site)
{
    [Fact]
    public async Task A_draft_leaves_the_cached_page_as_it_was_and_publishing_or_unpublishing_shows_on_the_next_request()
    {
        var stem = Guid.NewGuid().ToString("N")[..8];
        var original = $"Cache original {stem}";
        var renamed = $"Cache renamed {stem}";
        var article = Articles.New(original, Articles.UniquePath("cache"));
        var url = $"/eu/{article.Content["AutoroutePart"]!["Path"]}";
        await using var scope = site.TenantScope("europe");
        var content = scope.ServiceProvider.GetRequiredService<ContentManager>();
        await content.CreateAsync(article);
        try
        {
            var first = await site.GetAsync(url);
            var second = await site.GetAsync(url);
            Assert.Equal(original, first.H1);
            Assert.Equal(original, second.H1);
            Assert.True(second.Response.Headers.Age is not null, "the second request was not answered from the output cache (no Age header)");

            var draft = (await content.GetAsync(article.ContentItemId, VersionOptions.Latest))!;
            draft.Content["TitlePart"]!["Title"] = renamed;
            await content.UpdateAsync(draft);
            var afterDraft = await site.GetAsync(url);
            Assert.Equal(original, afterDraft.H1);
            Assert.Contains(original, (await site.GetAsync("/eu/articles")).Body, StringComparison.Ordinal);

            await content.PublishAsync(draft);
            var afterPublish = await site.GetAsync(url);
            Assert.Equal(renamed, afterPublish.H1);
            Assert.Contains(renamed, afterPublish.Document.Title, StringComparison.Ordinal);
            Assert.Equal(renamed, (string?)afterPublish.JsonLd.Single(o => (string?)o["@type"] == "MedicalWebPage")["name"]);
            foreach (var list in new[] { "/eu/articles", "/eu/" })
            {
                var page = await site.GetAsync(list);
                Assert.Contains(page.CardLinks, a => a.TextContent.Trim() == renamed);
                Assert.DoesNotContain(page.CardLinks, a => a.TextContent.Trim() == original);
            }

            await content.UnpublishAsync(draft);
            var afterUnpublish = await site.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, afterUnpublish.Status);
            Assert.DoesNotContain(renamed, (await site.GetAsync("/eu/articles")).Body, StringComparison.Ordinal);
        }
        finally
        {
            await content.RemoveAsync(article);
        }
    }

    [Theory]
    [InlineData("/eu/liver-metastasis")]
    [InlineData("/ua/ru/metastazy-v-pecheni")]
    [InlineData("/us/clinics?country=term-country-turkey")]
    [InlineData("/")]
    public async Task A_repeated_request_with_the_etag_gets_304_and_no_body(string url)
    {
        var first = await site.GetAsync(url);
        var etag = first.Response.Headers.ETag;
        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.NotNull(etag);
        // Browsers must revalidate (no heuristic freshness from Last-Modified that would hide a publish).
        Assert.True(first.Response.Headers.CacheControl?.NoCache, $"Cache-Control of {url}: {first.Response.Headers.CacheControl}");

        var again = await site.GetAsync(url, configure: r => r.Headers.IfNoneMatch.Add(etag));
        var other = await site.GetAsync(url, configure: r => r.Headers.IfNoneMatch.ParseAdd("\"not-the-etag\""));

        Assert.Equal(HttpStatusCode.NotModified, again.Status);
        Assert.Empty(again.Body);
        Assert.Equal(HttpStatusCode.OK, other.Status);
        Assert.Equal(first.Body, other.Body);
    }

    [Fact]
    public async Task The_old_etag_gets_the_new_page_once_a_change_is_published()
    {
        var article = Articles.New("Etag before " + Guid.NewGuid().ToString("N")[..6], Articles.UniquePath("etag"));
        var url = $"/eu/{article.Content["AutoroutePart"]!["Path"]}";
        await using var scope = site.TenantScope("europe");
        var content = scope.ServiceProvider.GetRequiredService<ContentManager>();
        await content.CreateAsync(article);
        try
        {
            var first = await site.GetAsync(url);
            var etag = first.Response.Headers.ETag!;
            var draft = (await content.GetAsync(article.ContentItemId, VersionOptions.Latest))!;
            draft.Content["TitlePart"]!["Title"] = "Etag after";
            await content.UpdateAsync(draft);
            await content.PublishAsync(draft);

            var after = await site.GetAsync(url, configure: r => r.Headers.IfNoneMatch.Add(etag));

            Assert.Equal(HttpStatusCode.OK, after.Status);
            Assert.Equal("Etag after", after.H1);
            Assert.NotEqual(etag, after.Response.Headers.ETag);
        }
        finally
        {
            await content.RemoveAsync(article);
        }
    }

    [Fact]
    public async Task A_missing_page_that_is_then_published_answers_on_the_next_request()
    {
        var article = Articles.New("Late arrival", Articles.UniquePath("late"));
        var url = $"/eu/{article.Content["AutoroutePart"]!["Path"]}";
        Assert.Equal(HttpStatusCode.NotFound, (await site.GetAsync(url)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await site.GetAsync(url)).Status);

        await using var scope = site.TenantScope("europe");
        var content = scope.ServiceProvider.GetRequiredService<ContentManager>();
        await content.CreateAsync(article);
        try
        {
            Assert.Equal(HttpStatusCode.OK, (await site.GetAsync(url)).Status);
        }
        finally
        {
            await content.RemoveAsync(article);
        }
    }

    [Fact]
    public async Task A_clinic_published_then_unpublished_appears_and_disappears_at_once_in_every_list_that_shows_it()
    {
        var title = "Cache Clinic " + Guid.NewGuid().ToString("N")[..6];
        var clinic = new ContentItem
        {
            ContentType = "Clinic",
            ContentItemId = "test-" + Guid.NewGuid().ToString("N")[..16],
            Content = new JsonObject
            {
                ["TitlePart"] = new JsonObject { ["Title"] = title },
                ["AutoroutePart"] = new JsonObject { ["Path"] = Articles.UniquePath("clinics/cache") },
                ["LocalizationPart"] = new JsonObject { ["Culture"] = "en" },
                ["Clinic"] = new JsonObject
                {
                    ["Country"] = new JsonObject { ["TaxonomyContentItemId"] = "taxonomy-countries", ["TermContentItemIds"] = new JsonArray("term-country-germany") },
                    ["City"] = new JsonObject { ["Text"] = "Berlin" },
                },
                ["HtmlBodyPart"] = new JsonObject { ["Html"] = "<p>Cache clinic</p>" },
            },
        };
        var lists = new[] { "/eu/clinics", "/eu/clinics?country=term-country-germany", "/eu/countries/germany", "/eu/" };
        foreach (var list in lists)
        {
            Assert.DoesNotContain(title, (await site.GetAsync(list)).Body, StringComparison.Ordinal);
        }

        await using var scope = site.TenantScope("europe");
        var content = scope.ServiceProvider.GetRequiredService<ContentManager>();
        await content.CreateAsync(clinic);
        try
        {
            foreach (var list in lists)
            {
                Assert.True((await site.GetAsync(list)).Body.Contains(title, StringComparison.Ordinal), $"{list} does not show the new clinic");
            }

            await content.UnpublishAsync(clinic);
            foreach (var list in lists)
            {
                Assert.False((await site.GetAsync(list)).Body.Contains(title, StringComparison.Ordinal), $"{list} still shows the unpublished clinic");
            }
        }
        finally
        {
            await content.RemoveAsync(clinic);
        }
    }

    [Fact]
    public async Task A_search_finds_a_treatment_published_after_the_same_search_was_cached()
    {
        var word = "quokka" + Guid.NewGuid().ToString("N")[..6];
        var url = $"/eu/search?q={word}";
        var before = await site.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, before.Status);
        Assert.Empty(before.SearchHitLinks);

        var treatment = new ContentItem
        {
            ContentType = "Treatment",
            ContentItemId = "test-" + Guid.NewGuid().ToString("N")[..16],
            Content = new JsonObject
            {
                ["TitlePart"] = new JsonObject { ["Title"] = $"Therapy {word}" },
                ["AutoroutePart"] = new JsonObject { ["Path"] = Articles.UniquePath("treatments/cache") },
                ["LocalizationPart"] = new JsonObject { ["Culture"] = "en" },
                ["Treatment"] = new JsonObject { ["Summary"] = new JsonObject { ["Text"] = "Found by search" } },
                ["HtmlBodyPart"] = new JsonObject { ["Html"] = "<p>Treatment</p>" },
            },
        };
        await using var scope = site.TenantScope("europe");
        var content = scope.ServiceProvider.GetRequiredService<ContentManager>();
        await content.CreateAsync(treatment);
        try
        {
            Assert.Contains($"Therapy {word}", (await site.GetAsync("/eu/treatments")).Body, StringComparison.Ordinal);
            var after = await site.GetAsync(url);
            Assert.Equal([$"Therapy {word}"], after.SearchHitLinks.Select(a => a.TextContent.Trim()));
        }
        finally
        {
            await content.RemoveAsync(treatment);
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ThemeCacheSqliteTests(SqliteSite site) : ThemeCacheTests(site);

[Collection(PostgresCollection.Name)]
public sealed class ThemeCachePostgresTests(PostgresSite site) : ThemeCacheTests(site);
