using System.Text.Json.Nodes;
using MedTour.Cms.Content;
using MedTour.Cms.Content.Definitions;
using MedTour.Cms.Data;
using MedTour.Cms.Recipes;
using MedTour.Cms.Settings;
using MedTour.Cms.Tenancy;
using MedTour.Cms.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Tests.Recipes.Orchard;

/// <summary>Recipes written as Orchard Core writes them (a blog, a product catalogue, an agency site) import into an empty tenant.</summary>
public abstract class OrchardRecipeTests(SiteFixture site)
{
    private readonly OrchardRecipeHelper _helper = new(site);

    [Fact]
    public async Task A_blog_in_Orchards_style_imports_with_its_features_scripting_files_and_variables()
    {
        var tenant = await _helper.NewEmptyTenantAsync("Slow Travel Blog");

        await _helper.ImportAsync(tenant, "blog.recipe.json");

        Assert.Contains("Contents", site.Service<TenantRegistry>().Find(tenant)!.Features);
        await using var scope = site.TenantScope(tenant);
        var content = scope.ServiceProvider.GetRequiredService<ContentManager>();
        var settings = await scope.ServiceProvider.GetRequiredService<SiteSettingsStore>().GetAsync();
        Assert.Equal("Slow Travel Blog", settings["SiteName"]!.GetValue<string>());

        var aboutId = settings["AboutPageId"]!.GetValue<string>();
        Assert.Matches("^[0-9a-z]{26}$", aboutId);
        var about = await content.GetAsync(aboutId);
        Assert.NotNull(about);
        Assert.Equal("about", about.FindPart("AutoroutePart")!["Path"]!.GetValue<string>());
        Assert.Equal(File.ReadAllText(OrchardRecipeHelper.RecipePath("files/about.md")), about.FindPart("MarkdownBodyPart")!["Markdown"]!.GetValue<string>());
        Assert.Equal(("admin", "admin"), (about.Owner, about.Author));
        Assert.Equal(new DateTime(2026, 11, 1, 8, 30, 0, DateTimeKind.Utc), about.CreatedUtc);

        var hello = await content.GetAsync("post-hello");
        Assert.NotNull(hello);
        Assert.Matches("^[0-9a-z]{26}$", hello.ContentItemVersionId);
        Assert.Equal("post-hello-world", hello.FindPart("AutoroutePart")!["Path"]!.GetValue<string>());
        Assert.Equal("<p>The first post.</p>", hello.FindPart("HtmlBodyPart")!["Html"]!.GetValue<string>());
        var post = hello.FindPart("BlogPost")!;
        Assert.Equal("Welcome to the blog", post["Subtitle"]!["Text"]!.GetValue<string>());
        Assert.Equal(42, post["ReadingMinutes"]!["Value"]!.GetValue<double>());
        Assert.True(post["Featured"]!["Value"]!.GetValue<bool>());

        var packed = await content.GetAsync("post-packed");
        Assert.Equal("<p>Shipped compressed</p>", packed!.FindPart("HtmlBodyPart")!["Html"]!.GetValue<string>());
        Assert.Equal("A default subtitle", packed.FindPart("BlogPost")!["Subtitle"]!["Text"]!.GetValue<string>());

        var templates = await scope.ServiceProvider.GetRequiredService<DocumentStore>().GetAsync<JsonObject>("Templates");
        Assert.NotNull(templates?["Content-BlogPost"]);
        Assert.Equal("logo-bytes", File.ReadAllText(Path.Combine(site.Factory.AppData, "Sites", tenant, "Media", "blog", "logo.txt")));
    }

    [Fact]
    public async Task An_older_recipe_with_flat_settings_and_names_in_any_casing_imports_in_the_nested_shape()
    {
        var tenant = await _helper.NewEmptyTenantAsync();

        await _helper.ImportAsync(tenant, "catalogue.recipe.json");

        await using var scope = site.TenantScope(tenant);
        var definition = await scope.ServiceProvider.GetRequiredService<ContentDefinitionManager>().GetAsync();
        var product = definition.FindType("Product")!;
        Assert.False(product.Draftable);
        Assert.True(product.Settings["ContentTypeSettings"]!["Creatable"]!.GetValue<bool>());
        var autoroute = product.FindPart("AutoroutePart")!.Settings;
        Assert.Equal("product-{{ ContentItem.DisplayText | slugify }}", autoroute["AutoroutePartSettings"]!["Pattern"]!.GetValue<string>());
        Assert.True(autoroute["AutoroutePartSettings"]!["AllowCustomPath"]!.GetValue<bool>());
        Assert.Equal("2", autoroute["ContentTypePartSettings"]!["Position"]!.GetValue<string>());
        var part = definition.FindPart("Product")!;
        Assert.False(part.Settings["ContentPartSettings"]!["Attachable"]!.GetValue<bool>());
        var sku = part.ContentPartFieldDefinitionRecords.Single(f => f.Name == "Sku");
        Assert.True(sku.Required);
        Assert.Equal("SKU", sku.DisplayName);
        Assert.Equal("Stock keeping unit", sku.FieldSettings!["Hint"]!.GetValue<string>());

        var content = scope.ServiceProvider.GetRequiredService<ContentManager>();
        var kettle = await content.GetAsync("product-kettle");
        Assert.Equal(("Copper Kettle", "shopkeeper"), (kettle!.DisplayText, kettle.Owner));
        Assert.Equal("product-copper-kettle", kettle.FindPart("AutoroutePart")?["Path"]?.GetValue<string>());
        Assert.Equal("KT-100", kettle.FindPart("Product")!["Sku"]!["Text"]!.GetValue<string>());
        Assert.Equal(39.5, kettle.FindPart("Product")!["Price"]!["Value"]!.GetValue<double>());
        var teapot = await content.GetAsync("product-teapot");
        Assert.Equal(("Product", "product-glass-teapot"), (teapot!.ContentType, teapot.FindPart("AutoroutePart")?["Path"]?.GetValue<string>()));
    }

    [Fact]
    public async Task A_required_field_from_a_flat_setting_is_enforced()
    {
        var tenant = await _helper.NewEmptyTenantAsync();
        await _helper.ImportAsync(tenant, "catalogue.recipe.json");
        var recipe = RecipeReader.Parse("""{"name":"x","steps":[{"name":"Content","data":[{"ContentItemId":"no-sku","ContentType":"Product","TitlePart":{"Title":"Mug"},"Product":{}}]}]}""", "x.recipe.json");

        var error = await Assert.ThrowsAsync<RecipeException>(() => _helper.ImportAsync(tenant, recipe));

        Assert.Contains("data[0].Product.Sku: SKU is required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unsupported_steps_and_features_are_each_named_and_nothing_is_written()
    {
        var tenant = await _helper.NewEmptyTenantAsync();

        var error = await Assert.ThrowsAsync<RecipeException>(() => _helper.ImportAsync(tenant, "agency.recipe.json"));

        Assert.Contains("asks for 3 thing(s) this host does not support; nothing was imported", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("OrchardCore.Workflows", error.Message, StringComparison.Ordinal);
        Assert.Contains("step 1 (Feature) at $.steps[0].enable[2]: unknown feature 'TheAgencyTheme'", error.Message, StringComparison.Ordinal);
        Assert.Contains("step 2 at $.steps[1].name: unknown step 'Themes'", error.Message, StringComparison.Ordinal);
        Assert.Contains("step 5 at $.steps[4].name: unknown step 'Layers'", error.Message, StringComparison.Ordinal);
        Assert.Contains("--skip-unsupported", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await _helper.CountItemsAsync(tenant));
        Assert.Empty(site.Service<TenantRegistry>().Find(tenant)!.Features);
        await using var scope = site.TenantScope(tenant);
        Assert.Null(await scope.ServiceProvider.GetRequiredService<ContentDefinitionManager>().FindTypeAsync("Service"));
        Assert.False((await scope.ServiceProvider.GetRequiredService<SiteSettingsStore>().GetAsync()).ContainsKey("SiteName"));
    }

    [Fact]
    public async Task Orchard_features_of_workflows_forms_email_search_queries_and_GraphQL_are_accepted()
    {
        var tenant = await _helper.NewEmptyTenantAsync();
        var recipe = RecipeReader.Parse("""
            {"name":"features","steps":[
              {"name":"Feature","enable":["OrchardCore.Workflows","OrchardCore.Workflows.Http","OrchardCore.Workflows.Timers","OrchardCore.Forms",
                "OrchardCore.Email","OrchardCore.Email.Smtp","OrchardCore.Lucene","OrchardCore.Search","OrchardCore.Search.Lucene",
                "OrchardCore.Queries","OrchardCore.Apis.GraphQL"]},
              {"name":"Settings","SiteName":"Features"}]}
            """, "features.recipe.json");

        await _helper.ImportAsync(tenant, recipe);

        await using var scope = site.TenantScope(tenant);
        Assert.Equal("Features", (await scope.ServiceProvider.GetRequiredService<SiteSettingsStore>().GetAsync())["SiteName"]!.GetValue<string>());
    }

    [Fact]
    public async Task Skipping_unsupported_imports_the_rest_and_reports_each_skipped_thing()
    {
        var tenant = await _helper.NewEmptyTenantAsync();

        var result = await _helper.ImportAsync(tenant, "agency.recipe.json", skipUnsupported: true);

        Assert.Equal(3, result.Skipped.Count);
        Assert.Contains(result.Skipped, s => s.Contains("unknown step 'Layers'", StringComparison.Ordinal));
        Assert.Contains(result.Skipped, s => s.Contains("unknown feature 'TheAgencyTheme'", StringComparison.Ordinal));
        Assert.Equal(2, await _helper.CountItemsAsync(tenant));
        Assert.Equal(["Contents"], site.Service<TenantRegistry>().Find(tenant)!.Features);
        await using var scope = site.TenantScope(tenant);
        Assert.Equal("Agency", (await scope.ServiceProvider.GetRequiredService<SiteSettingsStore>().GetAsync())["SiteName"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"name":"Content","data":[{"ContentItemId":"[js: uuid(]","ContentType":"Page"}]}""", "step 1 (Content) at $.steps[0].data[0].ContentItemId: [js: uuid(] could not be evaluated")]
    [InlineData("""{"name":"Settings","Logo":"[file: base64('../../MedTour.Cms.Tests.dll')]"}""", "step 1 (Settings) at $.steps[0].Logo: [file: base64('../../MedTour.Cms.Tests.dll')] could not be evaluated: '../../MedTour.Cms.Tests.dll' is outside the recipe's folder")]
    [InlineData("""{"name":"Settings","Spin":"[js: while (true) {}]"}""", "step 1 (Settings) at $.steps[0].Spin: [js: while (true) {}] could not be evaluated")]
    [InlineData("""{"name":"Settings","Who":"[js: variables('nobody')]"}""", "there is no variable 'nobody'")]
    [InlineData("""{"name":"Workflows","Workflows":[]}""", "step 1 at $.steps[0].name: unknown step 'Workflows'")]
    [InlineData("""{"name":"Feature","enable":["OrchardCore.Layers"]}""", "step 1 (Feature) at $.steps[0].enable[0]: unknown feature 'OrchardCore.Layers'")]
    public async Task Bad_expressions_files_steps_and_features_are_refused_and_change_nothing(string step, string expected)
    {
        var tenant = await _helper.NewEmptyTenantAsync();
        var recipe = RecipeReader.Parse($$"""{"name":"bad","steps":[{"name":"Settings","SiteName":"Changed"},{{step}}]}""", "bad.recipe.json") with { Folder = OrchardRecipeHelper.RecipePath(".") };

        var error = await Assert.ThrowsAsync<RecipeException>(() => _helper.ImportAsync(tenant, recipe));

        Assert.Contains(expected.Replace("step 1", "step 2", StringComparison.Ordinal).Replace("steps[0]", "steps[1]", StringComparison.Ordinal), error.Message, StringComparison.Ordinal);
        await using var scope = site.TenantScope(tenant);
        Assert.False((await scope.ServiceProvider.GetRequiredService<SiteSettingsStore>().GetAsync()).ContainsKey("SiteName"));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class OrchardRecipeSqliteTests(SqliteSite site) : OrchardRecipeTests(site);

[Collection(PostgresCollection.Name)]
public sealed class OrchardRecipePostgresTests(PostgresSite site) : OrchardRecipeTests(site);
