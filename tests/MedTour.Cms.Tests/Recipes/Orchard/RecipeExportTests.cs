using System.Text.Json.Nodes;
using MedTour.Cms.Content;
using MedTour.Cms.Content.Definitions;
using MedTour.Cms.Recipes;
using MedTour.Cms.Tenancy;
using MedTour.Cms.Tests.Infrastructure;
using MedTour.Cms.Web.Cli;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Tests.Recipes.Orchard;

/// <summary>The CLI's <c>recipe export</c> and <c>recipe import</c> (with --skip-unsupported), and recipes chosen for a new tenant.</summary>
public abstract class RecipeExportTests(SiteFixture site)
{
    private readonly OrchardRecipeHelper _helper = new(site);

    [Fact]
    public async Task An_exported_tenant_imports_into_an_empty_tenant_with_identical_content()
    {
        var source = await _helper.NewEmptyTenantAsync("Blog to export");
        await _helper.ImportAsync(source, "blog.recipe.json");
        await _helper.ImportAsync(source, "catalogue.recipe.json");
        await using (var scope = site.TenantScope(source))
        {
            // A draft ahead of its published version: both must travel.
            var content = scope.ServiceProvider.GetRequiredService<ContentManager>();
            var hello = await content.GetAsync("post-hello", VersionOptions.Latest);
            hello!.Part("HtmlBodyPart")["Html"] = "<p>The first post, revised.</p>";
            await content.UpdateAsync(hello);
        }

        var file = Path.Combine(Path.GetTempPath(), $"export-{Guid.NewGuid():N}.recipe.json");
        try
        {
            var output = new StringWriter();
            Assert.Equal(0, await RecipeCommands.ExportAsync(site.Factory.Services, CommandOptions.Parse(["recipe", "export", source, "--out", file]), output));
            var exported = JsonNode.Parse(File.ReadAllText(file))!;
            Assert.Equal(["ContentDefinition", "Content", "Settings", "Templates"], exported["steps"]!.AsArray().Select(s => s!["name"]!.GetValue<string>()));
            Assert.Equal(2, exported["steps"]![1]!["data"]!.AsArray().Count(i => i!["ContentItemId"]!.GetValue<string>() == "post-hello"));

            var target = await _helper.NewEmptyTenantAsync("Imported blog");
            Assert.Equal(0, await RecipeCommands.ImportAsync(site.Factory.Services, CommandOptions.Parse(["recipe", "import", target, file]), output));

            var expected = await _helper.VersionsAsync(source);
            Assert.Equal(6, expected.Count);
            Assert.Equal(expected, await _helper.VersionsAsync(target));
            foreach (var document in new[] { ContentDefinitionManager.DocumentName, "SiteSettings", "Templates" })
            {
                Assert.Equal(await _helper.DocumentAsync(source, document), await _helper.DocumentAsync(target, document));
            }

            await using var check = site.TenantScope(target);
            var content = check.ServiceProvider.GetRequiredService<ContentManager>();
            Assert.Equal("<p>The first post.</p>", (await content.GetAsync("post-hello"))!.FindPart("HtmlBodyPart")!["Html"]!.GetValue<string>());
            Assert.Equal("<p>The first post, revised.</p>", (await content.GetAsync("post-hello", VersionOptions.Latest))!.FindPart("HtmlBodyPart")!["Html"]!.GetValue<string>());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Export_of_some_types_writes_only_their_definitions_and_items()
    {
        var source = await _helper.NewEmptyTenantAsync();
        await _helper.ImportAsync(source, "blog.recipe.json");
        await _helper.ImportAsync(source, "catalogue.recipe.json");
        var output = new StringWriter();

        await RecipeCommands.ExportAsync(site.Factory.Services, CommandOptions.Parse(["recipe", "export", source, "--types", "Product"]), output);

        var recipe = JsonNode.Parse(output.ToString())!;
        var steps = recipe["steps"]!.AsArray();
        Assert.Equal(["ContentDefinition", "Content"], steps.Select(s => s!["name"]!.GetValue<string>()));
        Assert.Equal(["Product"], steps[0]!["ContentTypes"]!.AsArray().Select(t => t!["Name"]!.GetValue<string>()));
        Assert.Equal(["Product"], steps[0]!["ContentParts"]!.AsArray().Select(t => t!["Name"]!.GetValue<string>()));
        Assert.Equal(["product-kettle", "product-teapot"], steps[1]!["data"]!.AsArray().Select(i => i!["ContentItemId"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        var error = await Assert.ThrowsAsync<RecipeException>(() => RecipeCommands.ExportAsync(site.Factory.Services, CommandOptions.Parse(["recipe", "export", source, "--types", "Product,Spaceship"]), output));
        Assert.Contains("no content type named 'Spaceship'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_CLI_import_refuses_unsupported_things_unless_told_to_skip_them_and_prints_what_it_skipped()
    {
        var tenant = await _helper.NewEmptyTenantAsync();
        var file = OrchardRecipeHelper.RecipePath("agency.recipe.json");

        var refused = await CommandLine.RunAsync(site.Factory.Services, ["recipe", "import", tenant, file]);
        Assert.Equal(2, refused);
        Assert.Equal(0, await _helper.CountItemsAsync(tenant));

        var output = new StringWriter();
        Assert.Equal(0, await RecipeCommands.ImportAsync(site.Factory.Services, CommandOptions.Parse(["recipe", "import", tenant, file, "--skip-unsupported"]), output));
        var lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Count(l => l.StartsWith("skipped: ", StringComparison.Ordinal)));
        Assert.Contains(lines, l => l.Contains("unknown step 'Themes'", StringComparison.Ordinal));
        Assert.Contains("3 unsupported thing(s) skipped", lines[^1], StringComparison.Ordinal);
        Assert.Equal(2, await _helper.CountItemsAsync(tenant));
    }

    [Fact]
    public async Task A_new_tenants_recipe_with_unsupported_things_is_set_up_only_when_told_to_skip_them()
    {
        var recipes = site.Service<AppPaths>().Recipes;
        var recipeName = "orchard-agency-" + Guid.NewGuid().ToString("N")[..8];
        var recipeFile = Path.Combine(recipes, recipeName + ".recipe.json");
        File.WriteAllText(recipeFile, File.ReadAllText(OrchardRecipeHelper.RecipePath("agency.recipe.json")).Replace("\"OrchardAgency\"", $"\"{recipeName}\"", StringComparison.Ordinal));
        try
        {
            var refused = "a" + Guid.NewGuid().ToString("N")[..10];
            Assert.Equal(2, await CommandLine.RunAsync(site.Factory.Services, ["tenant", "create", refused, "--prefix", refused, "--recipe", recipeName]));
            Assert.NotEqual(TenantState.Running, site.Service<TenantRegistry>().Find(refused)!.State);
            await site.Service<TenantManager>().DisableAsync(refused);
            await site.Service<TenantManager>().RemoveAsync(refused);

            var skipped = "a" + Guid.NewGuid().ToString("N")[..10];
            Assert.Equal(0, await CommandLine.RunAsync(site.Factory.Services, ["tenant", "create", skipped, "--skip-unsupported", "--prefix", skipped, "--recipe", recipeName]));
            Assert.Equal(TenantState.Running, site.Service<TenantRegistry>().Find(skipped)!.State);
            Assert.Equal(2, await _helper.CountItemsAsync(skipped));

            var declared = "a" + Guid.NewGuid().ToString("N")[..10];
            var tenantsRecipe = RecipeReader.Parse($$"""
                {"name":"t","steps":[{"name":"Tenants","Tenants":[{"Name":"{{declared}}","RequestUrlPrefix":"{{declared}}","RecipeName":"{{recipeName}}","SkipUnsupported":true}]}]}
                """, "t.recipe.json");
            await _helper.ImportAsync(TenantSettings.DefaultName, tenantsRecipe);
            Assert.Equal(TenantState.Running, site.Service<TenantRegistry>().Find(declared)!.State);
            Assert.Equal(2, await _helper.CountItemsAsync(declared));
        }
        finally
        {
            File.Delete(recipeFile);
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class RecipeExportSqliteTests(SqliteSite site) : RecipeExportTests(site);

[Collection(PostgresCollection.Name)]
public sealed class RecipeExportPostgresTests(PostgresSite site) : RecipeExportTests(site);
