using MedTour.Cms.Recipes;
using MedTour.Cms.Tenancy;
using MedTour.Cms.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Tests.Tenancy;

/// <summary>Database settings coming from a recipe or the CLI are checked before a tenant is written.</summary>
public abstract class TenantDatabaseSettingsTests(SiteFixture site)
{
    [Fact]
    public async Task The_CLI_refuses_a_bad_schema_with_exit_code_2_and_creates_nothing()
    {
        var name = "b" + Guid.NewGuid().ToString("N")[..10];
        await using var cli = new CliProcess(site);

        Assert.Equal(2, await cli.RunAsync("tenant", "create", name, "--prefix", name, "--schema", "Bad-Schema"));
        Assert.Equal(2, await cli.RunAsync("tenant", "create", name, "--prefix", name, "--schema", "tenant_europe"));
        Assert.Equal(2, await cli.RunAsync("tenant", "create", name, "--prefix", "admin"));
        Assert.Null(cli.Service<TenantRegistry>().Find(name));
        Assert.DoesNotContain($"\"{name}\"", await File.ReadAllTextAsync(Path.Combine(site.Factory.AppData, "tenants.json")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"Name":"NAME","RequestUrlPrefix":"NAME","Cultures":["en"],"Database":{"Schema":"no-dashes"}}""", "Tenants[0].Database.Schema: 'no-dashes' is not a valid schema name")]
    [InlineData("""{"Name":"NAME","RequestUrlPrefix":"NAME","Cultures":["en"],"Database":{"Schema":"tenant_ukraine"}}""", "Tenants[0].Database.Schema: 'tenant_ukraine' is already the schema of tenant 'ukraine'")]
    [InlineData("""{"Name":"NAME","RequestUrlPrefix":"NAME","Cultures":["en"],"Database":{"Provider":"Oracle"}}""", "Tenants[0].Database.Provider")]
    [InlineData("""{"Name":"NAME","RequestUrlPrefix":"ua/NAME","Cultures":["en"]}""", "Tenants[0].RequestUrlPrefix: 'ua/NAME' is a nested prefix")]
    [InlineData("""{"Name":"NAME","RequestUrlPrefix":"media","Cultures":["en"]}""", "Tenants[0].RequestUrlPrefix: 'media' is reserved")]
    public async Task The_tenants_step_refuses_bad_database_settings_naming_the_field(string tenantJson, string expected)
    {
        var name = "d" + Guid.NewGuid().ToString("N")[..10];
        var recipe = $$"""{"name":"test","steps":[{"name":"Tenants","Tenants":[{{tenantJson.Replace("NAME", name, StringComparison.Ordinal)}}]}]}""";
        var registry = site.Service<TenantRegistry>();

        await using var scope = site.TenantScope(TenantSettings.DefaultName);
        var error = await Assert.ThrowsAsync<RecipeException>(() => scope.ServiceProvider.GetRequiredService<RecipeExecutor>().ExecuteAsync(RecipeReader.Parse(recipe, "test.recipe.json")));

        Assert.Contains(expected.Replace("NAME", name, StringComparison.Ordinal), error.Message, StringComparison.Ordinal);
        Assert.Null(registry.Find(name));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class TenantDatabaseSettingsSqliteTests(SqliteSite site) : TenantDatabaseSettingsTests(site);

[Collection(PostgresCollection.Name)]
public sealed class TenantDatabaseSettingsPostgresTests(PostgresSite site) : TenantDatabaseSettingsTests(site);
