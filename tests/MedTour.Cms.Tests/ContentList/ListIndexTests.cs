using System.Data.Common;
using System.Diagnostics;
using MedTour.Cms.Data;
using MedTour.Cms.Modules.ContentList;
using MedTour.Cms.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace MedTour.Cms.Tests.ContentList;

/// <summary>
/// 10,000 items: the list's first page is read through its index, in index order (no sort of the whole table), on
/// each database. The plan is what makes it fast whatever the machine; the time is printed, not asserted.
/// </summary>
public abstract class ListIndexTests(SiteFixture site, ITestOutputHelper output)
{
    private const string Type = "ListIndexProbe";
    private const int Items = 10_000;

    [Fact]
    public async Task The_first_page_of_ten_thousand_items_is_read_through_an_index_without_sorting()
    {
        await using var scope = site.TenantScope("Default");
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        await SeedAsync(db);
        var types = new[] { Type };
        var admin = new ContentVisibility(types, [], [], []);

        var plan = await PlanAsync(db, scope.ServiceProvider.GetRequiredService<ContentListQuery>().PageQuery(ContentListFilter.Default, admin, types));
        output.WriteLine(plan);
        Assert.Contains("IX_ContentItems_List_Modified", plan, StringComparison.Ordinal);
        AssertNoSort(plan);

        var ofType = ContentListFilter.Default with { Type = Type };
        var typePlan = await PlanAsync(db, scope.ServiceProvider.GetRequiredService<ContentListQuery>().PageQuery(ofType, admin, types));
        output.WriteLine(typePlan);
        // Here every row is of the type, so PostgreSQL may as well walk the all-types index and filter: either is index order.
        Assert.Contains("IX_ContentItems_List_", typePlan, StringComparison.Ordinal);
        AssertNoSort(typePlan);

        var title = ContentListFilter.Default with { Sort = ContentSort.Title, Descending = false };
        var titlePlan = await PlanAsync(db, scope.ServiceProvider.GetRequiredService<ContentListQuery>().PageQuery(title, admin, types));
        output.WriteLine(titlePlan);
        Assert.Contains("IX_ContentItems_List_Title", titlePlan, StringComparison.Ordinal);

        var query = scope.ServiceProvider.GetRequiredService<ContentListQuery>();
        _ = await query.ListAsync(ofType, admin, types);
        var watch = Stopwatch.StartNew();
        var result = await query.ListAsync(ofType, admin, types);
        output.WriteLine($"{site.Provider}: first page of {result.Total} items in {watch.Elapsed.TotalMilliseconds:F1} ms (count, page, cultures, status, owners)");
        Assert.Equal(Items, result.Total);
        Assert.Equal(ContentListFilter.PageSize, result.Rows.Count);
    }

    private void AssertNoSort(string plan)
    {
        if (site.Provider == "Sqlite")
        {
            Assert.DoesNotContain("TEMP B-TREE", plan, StringComparison.Ordinal);
        }
        else
        {
            Assert.DoesNotContain("Sort", plan, StringComparison.Ordinal);
        }
    }

    /// <summary>One insert statement per batch, in one transaction: seconds, not the minutes of 10,000 content saves.</summary>
    private static async Task SeedAsync(CmsDbContext db)
    {
        if (await db.ContentItems.AnyAsync(x => x.ContentType == Type))
        {
            return;
        }

        var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        await using var transaction = await db.Database.BeginTransactionAsync();
        foreach (var chunk in Enumerable.Range(0, Items).Chunk(2_000))
        {
            db.ContentItems.AddRange(chunk.Select(i => new ContentItemRecord
            {
                ContentItemId = $"probe-{i:D5}",
                ContentItemVersionId = $"probe-{i:D5}-v1",
                ContentType = Type,
                DisplayText = $"Probe item {(i * 7919) % Items:D5}",
                Latest = true,
                Published = i % 3 == 0,
                Owner = "probe-owner",
                CreatedUtc = start.AddMinutes(i),
                ModifiedUtc = start.AddMinutes(i),
                PublishedUtc = i % 3 == 0 ? start.AddMinutes(i) : null,
                Data = """{"TitlePart":{"Title":"Probe"}}""",
            }));
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }

        await transaction.CommitAsync();
        await db.Database.ExecuteSqlRawAsync(db.Database.IsNpgsql() ? "ANALYZE \"ContentItems\"" : "ANALYZE");
    }

    private static async Task<string> PlanAsync(CmsDbContext db, IQueryable<ContentItemRecord> query)
    {
        await db.Database.OpenConnectionAsync();
        await using DbCommand command = query.CreateDbCommand();
        command.CommandText = (db.Database.IsNpgsql() ? "EXPLAIN " : "EXPLAIN QUERY PLAN ") + command.CommandText;
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetValue(reader.FieldCount - 1)?.ToString() ?? string.Empty);
        }

        return string.Join('\n', lines);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteListIndexTests(SqliteSite site, ITestOutputHelper output) : ListIndexTests(site, output);

[Collection(PostgresCollection.Name)]
public sealed class PostgresListIndexTests(PostgresSite site, ITestOutputHelper output) : ListIndexTests(site, output);
