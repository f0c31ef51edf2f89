using MedTour.Cms.Tenancy;

namespace MedTour.Cms.Tests.Tenancy;

public sealed class TenantValidationTests
{
    private static readonly TenantSettings[] Existing =
    [
        new() { Name = "Default" },
        new() { Name = "ukraine", RequestUrlPrefix = "ua", RequestUrlHosts = ["ua.medtour.example"], Cultures = ["uk", "ru"] },
    ];

    [Theory]
    [InlineData("9lives", "ua2", null, "Name")]
    [InlineData("bad name", "ua2", null, "Name")]
    [InlineData("", "ua2", null, "Name")]
    [InlineData("poland", "UA Poland", null, "RequestUrlPrefix")]
    [InlineData("poland", "../x", null, "RequestUrlPrefix")]
    [InlineData("poland", "health", null, "RequestUrlPrefix")]
    [InlineData("poland", "ua", null, "RequestUrlPrefix")]
    [InlineData("poland", "pl", "ua.medtour.example", "RequestUrlHosts")]
    [InlineData("poland", "pl", "not a host", "RequestUrlHosts")]
    [InlineData("poland", null, null, "RequestUrlPrefix")]
    public void Rejects_bad_or_colliding_settings_naming_the_field(string name, string? prefix, string? host, string field)
    {
        var tenant = new TenantSettings { Name = name, RequestUrlPrefix = prefix, RequestUrlHosts = host is null ? [] : [host] };

        var error = Assert.Throws<TenantValidationException>(() => TenantSettingsValidator.Validate(tenant, Existing));

        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void Rejects_an_unknown_culture()
    {
        var tenant = new TenantSettings { Name = "poland", RequestUrlPrefix = "pl", Cultures = ["xx-notreal"] };

        var error = Assert.Throws<TenantValidationException>(() => TenantSettingsValidator.Validate(tenant, Existing));

        Assert.Equal("Cultures", error.Field);
    }

    [Fact]
    public void Accepts_a_new_region()
    {
        var tenant = new TenantSettings { Name = "poland", RequestUrlPrefix = "pl", RequestUrlHosts = ["pl.medtour.example"], Cultures = ["pl"] };

        TenantSettingsValidator.Validate(tenant, Existing);
    }
}
