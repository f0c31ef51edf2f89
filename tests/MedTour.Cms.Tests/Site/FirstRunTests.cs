using System.Text.Json.Nodes;
using MedTour.Cms.Data;
using MedTour.Cms.Recipes;
using MedTour.Cms.Tenancy;
using MedTour.Cms.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Tests.Site;

/// <summary>The first start sets everything up from the recipes; later starts change nothing; an interrupted setup is finished.</summary>
public sealed class FirstRunTests : IAsyncLifetime
{
    private readonly string _appData = Directory.CreateTempSubdirectory("medtour-firstrun-").FullName;

    [Fact]
    public async Task First_run_sets_up_four_tenants_and_one_administrator_and_a_restart_changes_nothing()
    {
        int items;
        await using (var first = new CmsAppFactory(_appData, postgres: null))
        {
            await first.WaitUntilReadyAsync();
            var tenants = first.Services.GetRequiredService<TenantRegistry>().All;
            Assert.Equal(["Default", "europe", "ukraine", "usa"], tenants.Select(t => t.Name).Order(StringComparer.Ordinal));
            Assert.All(tenants, t => Assert.Equal(TenantState.Running, t.State));
            Assert.Equal(["uk", "ru"], tenants.Single(t => t.Name == "ukraine").Cultures);
            items = await CountItemsAsync(first, "ukraine");
            Assert.True(items > 50, $"ukraine has only {items} items");
            Assert.Equal(1, await CountUsersAsync(first));
        }

        await using var second = new CmsAppFactory(_appData, postgres: null);
        await second.WaitUntilReadyAsync();

        Assert.Equal(items, await CountItemsAsync(second, "ukraine"));
        Assert.Equal(1, await CountUsersAsync(second));
        Assert.Equal(4, second.Services.GetRequiredService<TenantRegistry>().All.Count);
    }

    [Fact]
    public async Task A_setup_interrupted_by_a_crash_is_finished_at_the_next_start()
    {
        await using (var first = new CmsAppFactory(_appData, postgres: null))
        {
            await first.WaitUntilReadyAsync();
        }

        // As if the process died while setting up "usa": state Initializing and no database yet.
        var file = Path.Combine(_appData, "tenants.json");
        var tenants = JsonNode.Parse(await File.ReadAllTextAsync(file))!.AsArray();
        tenants.Single(t => t!["Name"]!.GetValue<string>() == "usa")!["State"] = "Initializing";
        await File.WriteAllTextAsync(file, tenants.ToJsonString());
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Path.Combine(_appData, "Sites", "usa"), recursive: true);

        await using var second = new CmsAppFactory(_appData, postgres: null);
        await second.WaitUntilReadyAsync();

        Assert.Equal(TenantState.Running, second.Services.GetRequiredService<TenantRegistry>().Find("usa")!.State);
        using var client = second.CreateClient();
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync(new Uri("/us/liver-metastasis", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_site_an_older_build_set_up_gets_the_new_migrations_at_the_next_start_and_accepts_writes()
    {
        await using (var first = new CmsAppFactory(_appData, postgres: null))
        {
            await first.WaitUntilReadyAsync();
            // As an older build left it: "usa" without the migrations after the first two, and no note of the schema.
            var settings = first.Services.GetRequiredService<TenantRegistry>().Find("usa")!;
            await using var scope = first.Services.GetRequiredService<TenantScopeFactory>().CreateScope(settings);
            var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
            var older = db.Database.GetMigrations().ElementAt(1);
            await db.GetService<IMigrator>().MigrateAsync(older);
            Assert.NotEmpty(await db.Database.GetPendingMigrationsAsync());
        }

        File.Delete(Path.Combine(_appData, "schema-version"));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        await using var second = new CmsAppFactory(_appData, postgres: null);
        await second.WaitUntilReadyAsync();
        var usa = second.Services.GetRequiredService<TenantRegistry>().Find("usa")!;
        await using (var scope = second.Services.GetRequiredService<TenantScopeFactory>().CreateScope(usa))
        {
            Assert.Empty(await scope.ServiceProvider.GetRequiredService<CmsDbContext>().Database.GetPendingMigrationsAsync());
            var recipe = RecipeReader.Parse("""
                {"name":"after-upgrade","steps":[{"name":"Content","data":[
                  {"ContentItemId":"upgrade-person","ContentType":"Person","Published":true,"TitlePart":{"Title":"Written after the upgrade"}}]}]}
                """, "after-upgrade.recipe.json");
            await scope.ServiceProvider.GetRequiredService<RecipeExecutor>().ExecuteAsync(recipe);
        }

        Assert.Equal(TenantSchemaUpgrade.Latest, (await File.ReadAllTextAsync(Path.Combine(_appData, "schema-version"))).Trim());
    }

    private static async Task<int> CountItemsAsync(CmsAppFactory app, string tenant)
    {
        var settings = app.Services.GetRequiredService<TenantRegistry>().Find(tenant)!;
        await using var scope = app.Services.GetRequiredService<TenantScopeFactory>().CreateScope(settings);
        return await scope.ServiceProvider.GetRequiredService<CmsDbContext>().ContentItems.CountAsync();
    }

    private static async Task<int> CountUsersAsync(CmsAppFactory app)
    {
        var settings = app.Services.GetRequiredService<TenantRegistry>().Find(TenantSettings.DefaultName)!;
        await using var scope = app.Services.GetRequiredService<TenantScopeFactory>().CreateScope(settings);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var admin = await users.FindByNameAsync("admin");
        Assert.NotNull(admin);
        Assert.True(await users.CheckPasswordAsync(admin, CmsAppFactory.AdminPassword));
        return await users.Users.CountAsync();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return TempFolder.DeleteAsync(_appData);
    }
}
