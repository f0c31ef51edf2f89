using System.Diagnostics;
using System.Globalization;
using System.Net;
using MedTour.Cms.Content;
using MedTour.Cms.Recipes;
using MedTour.Cms.Tests.Infrastructure;
using MedTour.Cms.Tests.Site;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Tests.Parts;

/// <summary>A draft with a PublishLaterPart date is published by the background task once due (checked every half second here).</summary>
public abstract class PublishLaterTests(SiteFixture site)
{
    public static readonly IReadOnlyDictionary<string, string> FastChecks = new Dictionary<string, string> { ["MedTour:PublishLater:Interval"] = "00:00:00.5" };

    [Fact]
    public async Task A_due_draft_is_published_by_the_background_task_and_a_later_one_waits()
    {
        var due = DateTime.UtcNow.AddSeconds(3);
        var soon = due.ToString("o", CultureInfo.InvariantCulture);
        var tomorrow = DateTime.UtcNow.AddDays(1).ToString("o", CultureInfo.InvariantCulture);
        var tenant = await BlogRecipe.NewTenantAsync(site, $$$"""
            {"name":"Content","data":[
              {"ContentItemId":"post-soon","ContentType":"BlogPost","Published":false,"TitlePart":{"Title":"Soon"},"MarkdownBodyPart":{"Markdown":"Any moment."},
               "ContainedPart":{"ListContentItemId":"blog-field-notes","Order":-2},"PublishLaterPart":{"ScheduledPublishUtc":"{{{soon}}}"}},
              {"ContentItemId":"post-tomorrow","ContentType":"BlogPost","Published":false,"TitlePart":{"Title":"Tomorrow"},
               "ContainedPart":{"ListContentItemId":"blog-field-notes","Order":-1},"PublishLaterPart":{"ScheduledPublishUtc":"{{{tomorrow}}}"}}]}
            """);
        try
        {
            var waited = Stopwatch.StartNew();
            ThemePage page;
            do
            {
                await Task.Delay(250);
                page = await site.GetAsync($"/{tenant}/field-notes/soon");
            }
            while (page.Status != HttpStatusCode.OK && waited.Elapsed < TimeSpan.FromSeconds(30));

            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Equal("Soon", page.H1);
            Assert.Equal("Soon", (await site.GetAsync($"/{tenant}/field-notes")).Document.QuerySelector("main ul.list-items > li h3 a")?.TextContent.Trim());
            Assert.Equal(HttpStatusCode.NotFound, (await site.GetAsync($"/{tenant}/field-notes/tomorrow")).Status);

            await using var scope = site.TenantScope(tenant);
            var content = scope.ServiceProvider.GetRequiredService<ContentManager>();
            var published = await content.GetAsync("post-soon");
            Assert.NotNull(published);
            // Imported as a draft, published by the task once due.
            Assert.True(published.PublishedUtc >= due.AddSeconds(-1), $"published at {published.PublishedUtc:o}, due at {due:o}");
            Assert.Null(published.FindPart("PublishLaterPart")?["ScheduledPublishUtc"]);
            Assert.Null(await content.GetAsync("post-tomorrow"));
            Assert.NotNull((await content.GetAsync("post-tomorrow", VersionOptions.Draft))?.FindPart("PublishLaterPart")?["ScheduledPublishUtc"]);
        }
        finally
        {
            await site.RemoveTenantAsync(tenant);
        }
    }

    [Fact]
    public async Task A_scheduled_date_that_is_not_a_date_is_refused_naming_it_and_a_spent_one_is_cleared()
    {
        var tenant = await BlogRecipe.NewTenantAsync(site);
        try
        {
            var error = await Assert.ThrowsAsync<RecipeException>(() => BlogRecipe.ImportAsync(site, tenant, """
                {"name":"bad","steps":[{"name":"Content","data":[{"ContentItemId":"post-bad","ContentType":"BlogPost","TitlePart":{"Title":"Bad"},"PublishLaterPart":{"ScheduledPublishUtc":"next tuesday"}}]}]}
                """));
            Assert.Contains("data[0].PublishLaterPart.ScheduledPublishUtc", error.Message, StringComparison.Ordinal);

            await BlogRecipe.ImportAsync(site, tenant, """
                {"name":"spent","steps":[{"name":"Content","data":[{"ContentItemId":"post-spent","ContentType":"BlogPost","Published":true,"TitlePart":{"Title":"Spent"},"PublishLaterPart":{"ScheduledPublishUtc":"2020-01-01T00:00:00Z"}}]}]}
                """);
            await using var scope = site.TenantScope(tenant);
            var item = await scope.ServiceProvider.GetRequiredService<ContentManager>().GetAsync("post-spent");
            Assert.Null(item?.FindPart("PublishLaterPart")?["ScheduledPublishUtc"]);
            Assert.Null(await scope.ServiceProvider.GetRequiredService<ContentManager>().GetAsync("post-bad", VersionOptions.Latest));
        }
        finally
        {
            await site.RemoveTenantAsync(tenant);
        }
    }
}

/// <summary>A site whose background task checks for due items every half second.</summary>
public sealed class PublishLaterSqliteSite : SqliteSite
{
    protected override IReadOnlyDictionary<string, string>? Settings => PublishLaterTests.FastChecks;
}

public sealed class PublishLaterPostgresSite : PostgresSite
{
    protected override IReadOnlyDictionary<string, string>? Settings => PublishLaterTests.FastChecks;
}

[CollectionDefinition(Name)]
public sealed class PublishLaterSqliteCollection : ICollectionFixture<PublishLaterSqliteSite>
{
    public const string Name = "SQLite site, fast scheduled publishing";
}

[CollectionDefinition(Name)]
public sealed class PublishLaterPostgresCollection : ICollectionFixture<PublishLaterPostgresSite>
{
    public const string Name = "PostgreSQL site, fast scheduled publishing";
}

[Collection(PublishLaterSqliteCollection.Name)]
public sealed class PublishLaterSqliteTests(PublishLaterSqliteSite site) : PublishLaterTests(site);

[Collection(PublishLaterPostgresCollection.Name)]
public sealed class PublishLaterPostgresTests(PublishLaterPostgresSite site) : PublishLaterTests(site);
