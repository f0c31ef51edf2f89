using MedTour.Cms.Content.Definitions;
using MedTour.Cms.Tenancy;
using MedTour.Cms.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Tests.GraphQL;

/// <summary>The cached schema follows the content definition: a field added here, or by another process (the CLI), appears.</summary>
public abstract class GraphQLSchemaRebuildTests(SiteFixture site)
{
    private async Task<string> NewTenantAsync()
    {
        var name = "g" + Guid.NewGuid().ToString("N")[..10];
        var manager = site.Service<TenantManager>();
        manager.Create(new TenantSettings { Name = name, RequestUrlPrefix = name, Cultures = ["en"], RecipeName = "medtour-content-types", Features = ["Contents", "MedTour"] });
        await manager.SetupAsync(name);
        return name;
    }

    private static async Task AddFieldAsync(IServiceProvider services, string tenant, string field)
    {
        var settings = services.GetRequiredService<TenantRegistry>().Find(tenant)!;
        await using var scope = services.GetRequiredService<TenantScopeFactory>().CreateScope(settings);
        var definitions = scope.ServiceProvider.GetRequiredService<ContentDefinitionManager>();
        var definition = System.Text.Json.JsonSerializer.Deserialize<ContentDefinition>(System.Text.Json.JsonSerializer.Serialize(await definitions.GetAsync()))!;
        definition.FindPart("Treatment")!.ContentPartFieldDefinitionRecords.Add(new ContentPartFieldDefinition { FieldName = "TextField", Name = field });
        await definitions.SaveAsync(definition);
    }

    [Fact]
    public async Task A_field_added_here_or_by_the_CLI_appears_in_the_schema()
    {
        var tenant = await NewTenantAsync();
        var client = new GraphClient(site, "/" + tenant);
        Assert.Contains("duration", (await client.PostAsync("{ treatment { duration { text } } }", log: false)).FirstError, StringComparison.Ordinal);

        await AddFieldAsync(site.Factory.Services, tenant, "Duration");
        (await client.PostAsync("{ treatment { duration { text } } }", log: false)).Ok();

        await using (var cli = new CliProcess(site))
        {
            await AddFieldAsync(cli.Services, tenant, "Cost");
        }

        var seen = await Eventually.WithinAsync(TimeSpan.FromSeconds(10), async () => (await client.PostAsync("{ treatment { cost { text } } }", log: false)).Errors is null);
        Assert.True(seen is not null, "the field added by another process did not appear within 10 s");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class GraphQLSchemaRebuildSqliteTests(SqliteSite site) : GraphQLSchemaRebuildTests(site);

[Collection(PostgresCollection.Name)]
public sealed class GraphQLSchemaRebuildPostgresTests(PostgresSite site) : GraphQLSchemaRebuildTests(site);
