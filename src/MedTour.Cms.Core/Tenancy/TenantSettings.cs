namespace MedTour.Cms.Tenancy;

/// <summary>Everything the host knows about one site before opening its database. Immutable: a change is a new instance.</summary>
public sealed record TenantSettings
{
    public const string DefaultName = "Default";

    public required string Name { get; init; }
    public string? DisplayName { get; init; }
    public TenantState State { get; init; } = TenantState.Uninitialized;
    /// <summary>URL prefix without slashes ("ua"); null for none.</summary>
    public string? RequestUrlPrefix { get; init; }
    public IReadOnlyList<string> RequestUrlHosts { get; init; } = [];
    public IReadOnlyList<string> Cultures { get; init; } = ["en"];
    public IReadOnlyList<string> Features { get; init; } = [];
    public string Theme { get; init; } = "MedTour";
    /// <summary>The recipe that sets the tenant up (by recipe name).</summary>
    public string? RecipeName { get; init; }
    /// <summary>Set the tenant up even though its recipe asks for steps or features this host lacks (they are skipped and logged).</summary>
    public bool RecipeSkipUnsupported { get; init; }
    public TenantDatabaseSettings Database { get; init; } = new();
    public RegionSettings? Region { get; init; }
    public DateTime CreatedUtc { get; init; }

    public bool IsDefault => string.Equals(Name, DefaultName, StringComparison.OrdinalIgnoreCase);

    public string DefaultCulture => Cultures.Count > 0 ? Cultures[0] : "en";

    public bool IsFeatureEnabled(string feature) => Features.Contains(feature, StringComparer.OrdinalIgnoreCase);
}
