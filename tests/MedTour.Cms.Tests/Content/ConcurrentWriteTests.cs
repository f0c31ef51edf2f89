using MedTour.Cms.Content;
using MedTour.Cms.Data;
using MedTour.Cms.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Tests.Content;

/// <summary>Parallel writers of one item are serialised or refused with a clear error; the version rows stay consistent.</summary>
public abstract class ConcurrentWriteTests(SiteFixture site)
{
    [Fact]
    public async Task Twenty_parallel_updates_and_publishes_leave_one_latest_and_at_most_one_published_version()
    {
        var article = Articles.New("Raced", Articles.UniquePath("raced"));
        await using (var scope = site.TenantScope("europe"))
        {
            await scope.ServiceProvider.GetRequiredService<ContentManager>().CreateAsync(article, VersionOptions.Draft);
        }

        var start = new TaskCompletionSource();
        var writers = Enumerable.Range(0, 20).Select(i => Task.Run(async () =>
        {
            await start.Task;
            await using var scope = site.TenantScope("europe");
            var content = scope.ServiceProvider.GetRequiredService<ContentManager>();
            var latest = (await content.GetAsync(article.ContentItemId, VersionOptions.Latest))!;
            if (i % 2 == 0)
            {
                latest.Content["TitlePart"]!["Title"] = $"Raced {i}";
                await content.UpdateAsync(latest);
            }
            else
            {
                await content.PublishAsync(latest);
            }
        })).ToList();
        start.SetResult();

        var failures = await FailuresOf(writers);

        Assert.All(failures, e => Assert.True(e is ContentConcurrencyException or ContentValidationException, e.ToString()));
        Assert.True(failures.Count < writers.Count, "at least one writer succeeds");
        await using var check = site.TenantScope("europe");
        var db = check.ServiceProvider.GetRequiredService<CmsDbContext>();
        var versions = await db.ContentItems.Where(x => x.ContentItemId == article.ContentItemId).ToListAsync();
        Assert.Single(versions, v => v.Latest);
        Assert.True(versions.Count(v => v.Published) <= 1, $"{versions.Count(v => v.Published)} published versions");
        var routes = await db.Routes.Where(r => r.ContentItemId == article.ContentItemId).ToListAsync();
        Assert.Single(routes);
        Assert.Equal(versions.Any(v => v.Published), routes[0].ForPublished);
    }

    [Fact]
    public async Task Parallel_items_claiming_one_path_get_a_validation_error_naming_it()
    {
        var path = Articles.UniquePath("claimed");
        var start = new TaskCompletionSource();
        var writers = Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            await start.Task;
            await using var scope = site.TenantScope("europe");
            await scope.ServiceProvider.GetRequiredService<ContentManager>().CreateAsync(Articles.New($"Claimant {i}", path));
        })).ToList();
        start.SetResult();

        var errors = await FailuresOf(writers);

        Assert.Equal(writers.Count - 1, errors.Count);
        Assert.All(errors, e =>
        {
            var validation = Assert.IsType<ContentValidationException>(e);
            Assert.Equal("AutoroutePart.Path", validation.Errors[0].Field);
            Assert.Contains(path, validation.Errors[0].Message, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task A_version_row_saved_over_a_newer_one_is_refused()
    {
        var article = Articles.New("Stale", Articles.UniquePath("stale"));
        await using var writer = site.TenantScope("europe");
        await using var reader = site.TenantScope("europe");
        var content = writer.ServiceProvider.GetRequiredService<ContentManager>();
        await content.CreateAsync(article, VersionOptions.Draft);
        var db = reader.ServiceProvider.GetRequiredService<CmsDbContext>();
        var stale = await db.ContentItems.AsTracking().SingleAsync(x => x.ContentItemId == article.ContentItemId && x.Latest);

        var fresh = (await content.GetAsync(article.ContentItemId, VersionOptions.Latest))!;
        fresh.Content["TitlePart"]!["Title"] = "Fresh";
        await content.UpdateAsync(fresh);
        stale.DisplayText = "Lost update";

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync());
        Assert.Equal("Fresh", (await content.GetAsync(article.ContentItemId, VersionOptions.Latest))!.DisplayText);
    }

    /// <summary>What each writer threw (they all run to the end).</summary>
    private static async Task<List<Exception>> FailuresOf(IEnumerable<Task> writers)
    {
        var failures = new List<Exception>();
        foreach (var writer in writers)
        {
            try
            {
                await writer;
            }
            catch (Exception e)
            {
                failures.Add(e);
            }
        }

        return failures;
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ConcurrentWriteSqliteTests(SqliteSite site) : ConcurrentWriteTests(site);

[Collection(PostgresCollection.Name)]
public sealed class ConcurrentWritePostgresTests(PostgresSite site) : ConcurrentWriteTests(site);
