using MedTour.Cms.Content.Definitions;
using MedTour.Cms.Data;
using MedTour.Cms.Recipes;
using MedTour.Cms.Tenancy;
using MedTour.Cms.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Tests.Recipes;

/// <summary>Recipe import on a fresh tenant: all or nothing, idempotent, and errors that say where.</summary>
public abstract class RecipeTests(SiteFixture site)
{
    private const string Person = """{"ContentItemId":"p1","ContentType":"Person","Published":true,"TitlePart":{"Title":"Dr Ada"},"AutoroutePart":{"Path":"people/ada"}}""";
    private const string Article = """{"ContentItemId":"a1","ContentType":"Article","Published":true,"TitlePart":{"Title":"Hello"},"AutoroutePart":{"Path":"hello"},"LocalizationPart":{"Culture":"en"},"Article":{"Summary":{"Text":"S"},"MedicalAuthor":{"ContentItemIds":["p1"]}}}""";

    [Fact]
    public async Task Reimporting_updates_items_and_creates_no_duplicates()
    {
        var tenant = await NewTenantAsync();
        var recipe = Recipe($$"""{"name":"Content","data":[{{Person}},{{Article}}]}""");

        await ImportAsync(tenant, recipe);
        var first = await CountsAsync(tenant);
        await ImportAsync(tenant, recipe.Replace("\"Hello\"", "\"Hello again\"", StringComparison.Ordinal));
        var second = await CountsAsync(tenant);

        Assert.Equal((2, 2), first);
        Assert.Equal(first, second);
        await using var scope = site.TenantScope(tenant);
        var article = await scope.ServiceProvider.GetRequiredService<MedTour.Cms.Content.ContentManager>().GetAsync("a1");
        Assert.Equal("Hello again", article!.DisplayText);
    }

    [Fact]
    public async Task A_failing_step_leaves_nothing_behind()
    {
        var tenant = await NewTenantAsync();
        var recipe = Recipe(
            """{"name":"ContentDefinition","ContentTypes":[{"Name":"Widget","ContentTypePartDefinitionRecords":[{"PartName":"TitlePart","Name":"TitlePart"}]}]}""",
            """{"name":"Settings","SiteName":"Changed"}""",
            """{"name":"Content","data":[""" + Person + """,{"ContentType":"Article","ContentItemId":"bad","TitlePart":{"Title":"No summary"},"Article":{"MedicalAuthor":{"ContentItemIds":["p1"]}}}]}""");

        var error = await Assert.ThrowsAsync<RecipeException>(() => ImportAsync(tenant, recipe));

        Assert.Contains("step 3 (Content) at $.steps[2]", error.Message, StringComparison.Ordinal);
        Assert.Contains("data[1].Article.Summary", error.Message, StringComparison.Ordinal);
        Assert.Equal((0, 0), await CountsAsync(tenant));
        await using var scope = site.TenantScope(tenant);
        Assert.Null(await scope.ServiceProvider.GetRequiredService<ContentDefinitionManager>().FindTypeAsync("Widget"));
        Assert.False((await scope.ServiceProvider.GetRequiredService<MedTour.Cms.Settings.SiteSettingsStore>().GetAsync()).ContainsKey("SiteName"));
    }

    [Theory]
    [InlineData("""{"name":"t","steps":[{"name":"Content","data":[}]}""", "not valid JSON: line 1, position")]
    [InlineData("""{"name":"t","steps":[{"name":"Teleport"}]}""", "step 1 at $.steps[0].name: unknown step 'Teleport'")]
    [InlineData("""{"name":"t","steps":[{"name":"ContentDefinition","ContentTypes":[{"Name":"Gadget","ContentTypePartDefinitionRecords":[{"PartName":"TitlePart","Name":"TitlePart"},{"PartName":"WarpPart","Name":"WarpPart"}]}]}]}""", "ContentTypes[0].ContentTypePartDefinitionRecords[1].PartName: unknown part 'WarpPart'")]
    [InlineData("""{"name":"t","steps":[{"name":"ContentDefinition","ContentParts":[{"Name":"Gadget","ContentPartFieldDefinitionRecords":[{"FieldName":"ColourField","Name":"Colour"}]}]}]}""", "ContentParts[0].ContentPartFieldDefinitionRecords[0].FieldName: unknown field type 'ColourField'")]
    [InlineData("""{"name":"t","steps":[{"name":"Content","data":[{"ContentType":"Spaceship","ContentItemId":"s1"}]}]}""", "$.steps[0].data[0].ContentType: content type 'Spaceship' is not defined")]
    [InlineData("""{"name":"t","steps":[{"name":"Content","data":[{"ContentItemId":"x1","ContentType":"Person","TitlePart":{"Title":"A"},"AutoroutePart":{"Path":"same"}},{"ContentItemId":"x2","ContentType":"Person","TitlePart":{"Title":"B"},"AutoroutePart":{"Path":"same"}}]}]}""", "the path 'same' is given to several items (x1, x2)")]
    [InlineData("""{"name":"t","steps":[{"name":"Content","data":[{"ContentItemId":"x1","ContentType":"Person","TitlePart":{"Title":"A"},"Person":{"Photo":{"Paths":"not-a-list"}}}]}]}""", "data[0].Person.Photo: Paths: expected an array of strings")]
    [InlineData("""{"name":"t","steps":[{"name":"Media","Files":[{"SourcePath":"../../../etc/passwd","TargetPath":"x"}]}]}""", "Files[0].SourcePath: no file '../../../etc/passwd' in the recipes folder")]
    [InlineData("""{"name":"t","steps":[{"name":"Feature","enable":["Teleportation"]}]}""", "enable[0]: unknown feature 'Teleportation'")]
    [InlineData("""{"name":"t","steps":[{"name":"Tenants","Tenants":[{"Name":"x","RequestUrlPrefix":"x"}]}]}""", "only the Default tenant's recipes may declare tenants")]
    public async Task Bad_recipes_are_refused_with_the_place_and_change_nothing(string json, string expected)
    {
        var tenant = await NewTenantAsync();
        var before = await CountsAsync(tenant);

        var error = await Assert.ThrowsAsync<RecipeException>(() => ImportAsync(tenant, json));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync(tenant));
        await using var scope = site.TenantScope(tenant);
        var definition = await scope.ServiceProvider.GetRequiredService<ContentDefinitionManager>().GetAsync();
        Assert.Null(definition.FindType("Gadget"));
        Assert.Null(definition.FindPart("Gadget"));
    }

    [Theory]
    [InlineData("""{"Name":"clash","RequestUrlPrefix":"ua","Cultures":["en"]}""", "Tenants[0].RequestUrlPrefix: 'ua' is already the prefix of tenant 'ukraine'")]
    [InlineData("""{"Name":"clash","RequestUrlPrefix":"clash","RequestUrlHosts":["eu.medtour.example"],"Cultures":["en"]}""", "Tenants[0].RequestUrlHosts: 'eu.medtour.example' is already a host of tenant 'europe'")]
    [InlineData("""{"Name":"not valid!","RequestUrlPrefix":"nv","Cultures":["en"]}""", "Tenants[0].Name: 'not valid!' is not a valid tenant name")]
    [InlineData("""{"Name":"norecipe","RequestUrlPrefix":"nr","Cultures":["en"],"RecipeName":"no-such-recipe"}""", "Tenants[0].RecipeName: there is no recipe named 'no-such-recipe'")]
    [InlineData("""{"Name":"typo","RequestUrlPrefx":"ty"}""", "Tenants[0]")]
    public async Task The_tenants_step_refuses_bad_or_colliding_tenants_and_creates_none(string tenantJson, string expected)
    {
        var registry = site.Service<TenantRegistry>();
        var before = registry.All.Count;
        var recipe = Recipe($$"""{"name":"Tenants","Tenants":[{"Name":"fine","RequestUrlPrefix":"fine-{{Guid.NewGuid().ToString("N")[..6]}}","Cultures":["en"]},{{tenantJson}}]}""")
            .Replace("Tenants[0]", "Tenants[1]", StringComparison.Ordinal);

        var error = await Assert.ThrowsAsync<RecipeException>(() => ImportAsync(TenantSettings.DefaultName, recipe));

        Assert.Contains(expected.Replace("Tenants[0]", "Tenants[1]", StringComparison.Ordinal), error.Message, StringComparison.Ordinal);
        Assert.Equal(before, registry.All.Count);
    }

    private async Task<string> NewTenantAsync()
    {
        var name = "r" + Guid.NewGuid().ToString("N")[..10];
        var manager = site.Service<TenantManager>();
        manager.Create(new TenantSettings { Name = name, RequestUrlPrefix = name, Cultures = ["en"], RecipeName = "medtour-content-types" });
        await manager.SetupAsync(name);
        return name;
    }

    private async Task ImportAsync(string tenant, string json)
    {
        await using var scope = site.TenantScope(tenant);
        await scope.ServiceProvider.GetRequiredService<RecipeExecutor>().ExecuteAsync(RecipeReader.Parse(json, "test.recipe.json"));
    }

    private async Task<(int Items, int Routes)> CountsAsync(string tenant)
    {
        await using var scope = site.TenantScope(tenant);
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        return (await db.ContentItems.CountAsync(), await db.Routes.CountAsync());
    }

    private static string Recipe(params string[] steps) => $$"""{"name":"test","steps":[{{string.Join(",", steps)}}]}""";
}

[Collection(SqliteCollection.Name)]
public sealed class RecipeSqliteTests(SqliteSite site) : RecipeTests(site);

[Collection(PostgresCollection.Name)]
public sealed class RecipePostgresTests(PostgresSite site) : RecipeTests(site);
