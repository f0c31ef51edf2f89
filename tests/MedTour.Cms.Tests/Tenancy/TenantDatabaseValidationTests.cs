using MedTour.Cms.Tenancy;

namespace MedTour.Cms.Tests.Tenancy;

/// <summary>Database settings, reserved and nested prefixes: refused before anything is written, naming the field.</summary>
public sealed class TenantDatabaseValidationTests
{
    private static readonly TenantSettings[] Existing =
    [
        new() { Name = "Default" },
        new() { Name = "ukraine", RequestUrlPrefix = "ua", Cultures = ["uk", "ru"] },
        new() { Name = "custom", RequestUrlPrefix = "cu", Database = new() { Schema = "shared_site" } },
    ];

    [Theory]
    [InlineData("Bad-Name")]
    [InlineData("Upper")]
    [InlineData("1starts_with_digit")]
    [InlineData("has space")]
    [InlineData("quote\"d")]
    [InlineData("schema_of_sixty_four_characters_is_one_too_many_for_postgresqlxx")]
    public void Rejects_a_schema_name_postgres_would_need_quoting_for(string schema)
    {
        var error = Assert.Throws<TenantValidationException>(() => TenantSettingsValidator.Validate(Tenant(schema: schema), Existing));

        Assert.Equal("Database.Schema", error.Field);
        Assert.StartsWith("Database.Schema: ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("shared_site", "custom")]
    [InlineData("tenant_ukraine", "ukraine")]
    public void Rejects_a_schema_another_tenant_uses(string schema, string owner)
    {
        var error = Assert.Throws<TenantValidationException>(() => TenantSettingsValidator.Validate(Tenant(schema: schema), Existing));

        Assert.Equal("Database.Schema", error.Field);
        Assert.Contains($"tenant '{owner}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_a_tenant_whose_default_schema_another_tenant_named_explicitly()
    {
        var others = new[] { new TenantSettings { Name = "first", RequestUrlPrefix = "f", Database = new() { Schema = "tenant_poland" } } };

        var error = Assert.Throws<TenantValidationException>(() => TenantSettingsValidator.Validate(Tenant(), others));

        Assert.Equal("Database.Schema", error.Field);
    }

    [Fact]
    public void Rejects_an_unknown_provider() =>
        Assert.Equal("Database.Provider", Assert.Throws<TenantValidationException>(() => TenantSettingsValidator.Validate(Tenant(provider: "MySql"), Existing)).Field);

    [Theory]
    [InlineData("a_b")]
    [InlineData("_private")]
    [InlineData("poland_2")]
    public void Accepts_a_plain_unique_schema(string schema) => TenantSettingsValidator.Validate(Tenant(schema: schema, provider: "Postgres"), Existing);

    [Theory]
    [InlineData("login")]
    [InlineData("admin")]
    [InlineData("api")]
    [InlineData("media")]
    [InlineData("themes")]
    [InlineData("health")]
    [InlineData("Admin")]
    public void Rejects_a_reserved_prefix(string prefix)
    {
        var error = Assert.Throws<TenantValidationException>(() => TenantSettingsValidator.Validate(Tenant(prefix), Existing));

        Assert.Equal("RequestUrlPrefix", error.Field);
    }

    [Theory]
    [InlineData("ua/ru")]
    [InlineData("pl/en")]
    public void Rejects_a_nested_prefix(string prefix)
    {
        var error = Assert.Throws<TenantValidationException>(() => TenantSettingsValidator.Validate(Tenant(prefix), Existing));

        Assert.Equal("RequestUrlPrefix", error.Field);
        Assert.Contains("nested", error.Message, StringComparison.Ordinal);
    }

    private static TenantSettings Tenant(string prefix = "pl", string? schema = null, string? provider = null) =>
        new() { Name = "poland", RequestUrlPrefix = prefix, Database = new() { Schema = schema, Provider = provider } };
}
