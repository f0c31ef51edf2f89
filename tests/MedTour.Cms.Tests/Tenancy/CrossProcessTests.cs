using System.Net;
using System.Text.Json.Nodes;
using MedTour.Cms.Recipes;
using MedTour.Cms.Tenancy;
using MedTour.Cms.Tenancy.Changes;
using MedTour.Cms.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Tests.Tenancy;

/// <summary>
/// The CLI (a second service provider on the same App_Data and database, as a second process would be) and a
/// running host change the same sites: neither undoes the other, and the host sees the CLI's changes within 2 s.
/// </summary>
public abstract class CrossProcessTests(SiteFixture site)
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task A_recipe_the_CLI_imports_shows_on_the_running_site_within_two_seconds()
    {
        using var client = site.Client();
        var article = Articles.New("Imported by the CLI", Articles.UniquePath("cli-import"));
        var url = new Uri($"/eu/{article.Content["AutoroutePart"]!["Path"]}", UriKind.Relative);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).StatusCode); // the host has now cached the miss

        var item = (JsonObject)article.Content.DeepClone();
        item["ContentItemId"] = article.ContentItemId;
        item["ContentItemVersionId"] = article.ContentItemId + "-v1";
        item["ContentType"] = "Article";
        item["Latest"] = true;
        item["Published"] = true;
        var file = Path.Combine(site.Factory.AppData, $"{article.ContentItemId}.recipe.json");
        await File.WriteAllTextAsync(file, new JsonObject { ["name"] = "cli-import", ["steps"] = new JsonArray(new JsonObject { ["name"] = "Content", ["data"] = new JsonArray(item) }) }.ToJsonString());
        await using var cli = new CliProcess(site);

        Assert.Equal(0, await cli.RunAsync("recipe", "import", "europe", file));

        var shown = await Eventually.WithinAsync(Limit, async () => (await client.GetAsync(url)).StatusCode == HttpStatusCode.OK);
        Assert.True(shown is not null, $"{url} did not show within {Limit.TotalSeconds} s of the CLI import");
        Assert.Contains("Imported by the CLI", await client.GetStringAsync(url), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_template_the_CLI_imports_replaces_the_cached_page_document_and_fragments_within_two_seconds()
    {
        var name = "v" + Guid.NewGuid().ToString("N")[..10];
        var manager = site.Service<TenantManager>();
        manager.Create(new TenantSettings { Name = name, RequestUrlPrefix = name, Cultures = ["en"], RecipeName = "medtour-content-types", Features = ["Contents", "MedTour"] });
        await manager.SetupAsync(name);
        await using (var scope = site.TenantScope(name))
        {
            await scope.ServiceProvider.GetRequiredService<RecipeExecutor>().ExecuteAsync(RecipeReader.Parse(OneArticle, "content.recipe.json"));
        }

        using var client = site.Client();
        var url = new Uri($"/{name}/hello", UriKind.Relative);
        Assert.DoesNotContain("cli-template", await client.GetStringAsync(url), StringComparison.Ordinal);
        Assert.DoesNotContain("cli-template", await client.GetStringAsync(url), StringComparison.Ordinal); // now output-cached
        var file = Path.Combine(site.Factory.AppData, $"{name}-templates.recipe.json");
        await File.WriteAllTextAsync(file, TemplateRecipe);
        await using var cli = new CliProcess(site);

        Assert.Equal(0, await cli.RunAsync("recipe", "import", name, file));

        var shown = await Eventually.WithinAsync(Limit, async () => (await client.GetStringAsync(url)).Contains("cli-template", StringComparison.Ordinal));
        Assert.True(shown is not null, $"the CLI's template did not show within {Limit.TotalSeconds} s");
    }

    private const string OneArticle = """
        {"name":"one-article","steps":[{"name":"Content","data":[
          {"ContentItemId":"p1","ContentType":"Person","Published":true,"TitlePart":{"Title":"Ada Lovelace"},"AutoroutePart":{"Path":"authors/ada"},"LocalizationPart":{"Culture":"en"}},
          {"ContentItemId":"a1","ContentType":"Article","Published":true,"TitlePart":{"Title":"Hello"},"AutoroutePart":{"Path":"hello"},"LocalizationPart":{"Culture":"en"},
           "Article":{"Summary":{"Text":"First"},"MedicalAuthor":{"ContentItemIds":["p1"]}},"HtmlBodyPart":{"Html":"<p>Body</p>"}}
        ]}]}
        """;

    private const string TemplateRecipe = """
        {"name":"cli-templates","steps":[{"name":"Templates","Templates":{"Content-Article":{
          "Content":"<article><h1>{{ Model.ContentItem.DisplayText }}</h1><p class=\"cli-template\">From the CLI</p></article>"}}}]}
        """;

    [Fact]
    public async Task A_tenant_the_CLI_creates_reaches_the_host_and_survives_its_next_registry_write()
    {
        var fromCli = "c" + Guid.NewGuid().ToString("N")[..10];
        var fromHost = "h" + Guid.NewGuid().ToString("N")[..10];
        var registry = site.Service<TenantRegistry>();
        await using var cli = new CliProcess(site);

        Assert.Equal(0, await cli.RunAsync("tenant", "create", fromCli, "--prefix", fromCli, "--features", "Contents"));
        var seen = await Eventually.WithinAsync(Limit, () => Task.FromResult(registry.Find(fromCli)?.State == TenantState.Running));
        site.Service<TenantManager>().Create(new TenantSettings { Name = fromHost, RequestUrlPrefix = fromHost, Cultures = ["en"] });

        Assert.True(seen is not null, $"the host did not see the CLI's tenant within {Limit.TotalSeconds} s");
        var onDisk = await File.ReadAllTextAsync(Path.Combine(site.Factory.AppData, "tenants.json"));
        Assert.Contains($"\"{fromCli}\"", onDisk, StringComparison.Ordinal);
        Assert.Contains($"\"{fromHost}\"", onDisk, StringComparison.Ordinal);
        Assert.NotNull(registry.Find(fromCli));
        Assert.Empty(Directory.GetFiles(site.Factory.AppData, "tenants.json.*.tmp"));
    }

    [Fact]
    public async Task Removing_a_tenant_a_running_host_serves_is_refused_naming_the_host_unless_forced()
    {
        var name = "s" + Guid.NewGuid().ToString("N")[..10];
        var manager = site.Service<TenantManager>();
        manager.Create(new TenantSettings { Name = name, RequestUrlPrefix = name, Cultures = ["en"], Features = ["Contents"] });
        await manager.SetupAsync(name);
        using var client = site.Client();
        var url = new Uri($"/{name}/anything", UriKind.Relative);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).StatusCode);
        await using var cli = new CliProcess(site);
        var leases = cli.Service<HostLeases>();
        Assert.NotNull(await Eventually.WithinAsync(Limit, () => Task.FromResult(leases.Serving(name).Count > 0)));

        Assert.Equal(0, await cli.RunAsync("tenant", "disable", name));
        var disabled = await Eventually.WithinAsync(Limit, () => Task.FromResult(site.Service<TenantRegistry>().Find(name)?.State == TenantState.Disabled));
        var refused = await Assert.ThrowsAsync<TenantValidationException>(() => cli.Service<TenantManager>().RemoveAsync(name));
        var exitCode = await cli.RunAsync("tenant", "remove", name);

        Assert.True(disabled is not null, $"the host did not see the CLI's disable within {Limit.TotalSeconds} s");
        Assert.Contains(Environment.MachineName, refused.Message, StringComparison.Ordinal);
        Assert.Contains($"pid {Environment.ProcessId}", refused.Message, StringComparison.Ordinal);
        Assert.Contains("--force", refused.Message, StringComparison.Ordinal);
        Assert.Equal(2, exitCode);
        Assert.NotNull(cli.Service<TenantRegistry>().Find(name));

        Assert.Equal(0, await cli.RunAsync("tenant", "remove", name, "--force"));
        var removed = await Eventually.WithinAsync(Limit, () => Task.FromResult(site.Service<TenantRegistry>().Find(name) is null));
        Assert.True(removed is not null, $"the host did not see the removal within {Limit.TotalSeconds} s");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class CrossProcessSqliteTests(SqliteSite site) : CrossProcessTests(site);

[Collection(PostgresCollection.Name)]
public sealed class CrossProcessPostgresTests(PostgresSite site) : CrossProcessTests(site);
