using MedTour.Cms.Content;
using MedTour.Cms.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Tests.Content;

/// <summary>Draft / published / latest semantics and the version lifecycle, on each database.</summary>
public abstract class ContentManagerTests(SiteFixture site)
{
    [Fact]
    public async Task A_draft_is_latest_but_not_published()
    {
        await using var scope = site.TenantScope("europe");
        var content = scope.ServiceProvider.GetRequiredService<ContentManager>();
        var article = Articles.New("Draft only", Articles.UniquePath("draft-only"));

        await content.CreateAsync(article, VersionOptions.Draft);

        Assert.Null(await content.GetAsync(article.ContentItemId, VersionOptions.Published));
        var latest = await content.GetAsync(article.ContentItemId, VersionOptions.Latest);
        Assert.NotNull(latest);
        Assert.False(latest.Published);
        Assert.Equal("Draft only", latest.DisplayText);
        Assert.NotNull(await content.GetAsync(article.ContentItemId, VersionOptions.Draft));
    }

    [Fact]
    public async Task Updating_a_published_item_makes_a_draft_and_leaves_the_published_version_alone()
    {
        await using var scope = site.TenantScope("europe");
        var content = scope.ServiceProvider.GetRequiredService<ContentManager>();
        var article = Articles.New("Version one", Articles.UniquePath("versions"));
        await content.CreateAsync(article);
        var publishedVersion = article.ContentItemVersionId;

        var draft = (await content.GetAsync(article.ContentItemId, VersionOptions.Latest))!;
        draft.Content["TitlePart"]!["Title"] = "Version two";
        await content.UpdateAsync(draft);

        var published = await content.GetAsync(article.ContentItemId);
        var latest = await content.GetAsync(article.ContentItemId, VersionOptions.Latest);
        Assert.Equal("Version one", published!.DisplayText);
        Assert.Equal(publishedVersion, published.ContentItemVersionId);
        Assert.Equal("Version two", latest!.DisplayText);
        Assert.NotEqual(publishedVersion, latest.ContentItemVersionId);
        Assert.False(latest.Published);

        await content.PublishAsync(latest);

        var republished = await content.GetAsync(article.ContentItemId);
        Assert.Equal("Version two", republished!.DisplayText);
        Assert.True(republished.Latest);
        Assert.Equal("Version one", (await content.GetVersionAsync(publishedVersion))!.DisplayText);
        Assert.False((await content.GetVersionAsync(publishedVersion))!.Published);
    }

    [Fact]
    public async Task Publish_unpublish_republish()
    {
        await using var scope = site.TenantScope("europe");
        var content = scope.ServiceProvider.GetRequiredService<ContentManager>();
        var article = Articles.New("Lifecycle", Articles.UniquePath("lifecycle"));
        await content.CreateAsync(article, VersionOptions.Draft);

        await content.PublishAsync(article);
        Assert.NotNull(await content.GetAsync(article.ContentItemId));

        await content.UnpublishAsync(article);
        Assert.Null(await content.GetAsync(article.ContentItemId));
        Assert.NotNull(await content.GetAsync(article.ContentItemId, VersionOptions.Latest));

        await content.PublishAsync(article);
        var again = await content.GetAsync(article.ContentItemId);
        Assert.NotNull(again);
        Assert.True(again.Published && again.Latest);
    }

    [Fact]
    public async Task Discarding_a_draft_goes_back_to_the_published_version()
    {
        await using var scope = site.TenantScope("europe");
        var content = scope.ServiceProvider.GetRequiredService<ContentManager>();
        var article = Articles.New("Keep me", Articles.UniquePath("discard"));
        await content.CreateAsync(article);
        var draft = (await content.GetAsync(article.ContentItemId, VersionOptions.Latest))!;
        draft.Content["TitlePart"]!["Title"] = "Throw me away";
        await content.UpdateAsync(draft);

        await content.DiscardDraftAsync(draft);

        var latest = await content.GetAsync(article.ContentItemId, VersionOptions.Latest);
        Assert.Equal("Keep me", latest!.DisplayText);
        Assert.True(latest.Published);
    }

    [Fact]
    public async Task Clone_is_a_draft_with_a_new_id_and_a_free_path()
    {
        await using var scope = site.TenantScope("europe");
        var content = scope.ServiceProvider.GetRequiredService<ContentManager>();
        var title = "Original " + Guid.NewGuid().ToString("N")[..6];
        var path = title.ToLowerInvariant().Replace(' ', '-');
        var article = Articles.New(title, path);
        await content.CreateAsync(article);

        var clone = await content.CloneAsync(article);

        Assert.NotEqual(article.ContentItemId, clone.ContentItemId);
        var stored = await content.GetAsync(clone.ContentItemId, VersionOptions.Latest);
        Assert.False(stored!.Published);
        Assert.Equal(path + "-2", stored.Content["AutoroutePart"]!["Path"]!.GetValue<string>());
    }

    [Fact]
    public async Task Removing_frees_the_path_and_hides_every_version()
    {
        await using var scope = site.TenantScope("europe");
        var content = scope.ServiceProvider.GetRequiredService<ContentManager>();
        var path = Articles.UniquePath("removed");
        var article = Articles.New("Removed", path);
        await content.CreateAsync(article);

        await content.RemoveAsync(article);

        Assert.Null(await content.GetAsync(article.ContentItemId));
        Assert.Null(await content.GetAsync(article.ContentItemId, VersionOptions.Latest));
        var reuse = Articles.New("Reuses the path", path);
        await content.CreateAsync(reuse);
        Assert.NotNull(await content.GetAsync(reuse.ContentItemId));
    }

    [Fact]
    public async Task A_generated_path_follows_the_pattern_and_stays_unique()
    {
        await using var scope = site.TenantScope("europe");
        var content = scope.ServiceProvider.GetRequiredService<ContentManager>();
        var title = "Ablation " + Guid.NewGuid().ToString("N")[..6];
        var first = Articles.New(title);
        var second = Articles.New(title);

        await content.CreateAsync(first);
        await content.CreateAsync(second);

        var slug = title.ToLowerInvariant().Replace(' ', '-');
        Assert.Equal(slug, first.Content["AutoroutePart"]!["Path"]!.GetValue<string>());
        Assert.Equal(slug + "-2", second.Content["AutoroutePart"]!["Path"]!.GetValue<string>());
    }

    [Fact]
    public async Task Html_is_sanitized_on_save()
    {
        await using var scope = site.TenantScope("europe");
        var content = scope.ServiceProvider.GetRequiredService<ContentManager>();
        var article = Articles.New("Sanitized", Articles.UniquePath("sanitized"));
        article.Content["HtmlBodyPart"]!["Html"] = "<p onclick=\"steal()\">Hi</p><script>alert(1)</script><figure><img src=\"~/media/a.svg\" alt=\"x\"></figure>[consultation_cta]";

        await content.CreateAsync(article);

        var html = (await content.GetAsync(article.ContentItemId))!.Content["HtmlBodyPart"]!["Html"]!.GetValue<string>();
        Assert.DoesNotContain("script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onclick", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<figure><img src=\"~/media/a.svg\" alt=\"x\"></figure>", html, StringComparison.Ordinal);
        Assert.Contains("[consultation_cta]", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_required_fields_are_named_and_nothing_is_written()
    {
        await using var scope = site.TenantScope("europe");
        var content = scope.ServiceProvider.GetRequiredService<ContentManager>();
        var article = Articles.New("", Articles.UniquePath("invalid"));
        article.Content["Article"]!["Summary"]!["Text"] = " ";

        var error = await Assert.ThrowsAsync<ContentValidationException>(() => content.CreateAsync(article));

        Assert.Contains(error.Errors, e => e.Field == "TitlePart.Title");
        Assert.Contains(error.Errors, e => e.Field == "Article.Summary");
        Assert.Null(await content.GetAsync(article.ContentItemId, VersionOptions.Latest));
    }

    [Fact]
    public async Task A_taken_path_is_refused_naming_the_item_that_has_it()
    {
        await using var scope = site.TenantScope("europe");
        var content = scope.ServiceProvider.GetRequiredService<ContentManager>();
        var duplicate = Articles.New("Second liver article", "liver-metastasis");

        var error = await Assert.ThrowsAsync<ContentValidationException>(() => content.CreateAsync(duplicate));

        var problem = Assert.Single(error.Errors);
        Assert.Equal("AutoroutePart.Path", problem.Field);
        Assert.Contains("eu-article-liver-metastasis", problem.Message, StringComparison.Ordinal);
        Assert.Null(await content.GetAsync(duplicate.ContentItemId, VersionOptions.Latest));
    }

    [Fact]
    public async Task An_undefined_type_is_refused()
    {
        await using var scope = site.TenantScope("europe");
        var content = scope.ServiceProvider.GetRequiredService<ContentManager>();

        var error = await Assert.ThrowsAsync<ContentValidationException>(() => content.NewAsync("Spaceship"));

        Assert.Equal("ContentType", Assert.Single(error.Errors).Field);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ContentManagerSqliteTests(SqliteSite site) : ContentManagerTests(site);

[Collection(PostgresCollection.Name)]
public sealed class ContentManagerPostgresTests(PostgresSite site) : ContentManagerTests(site);
