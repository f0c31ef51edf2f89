namespace MedTour.Cms.Tenancy;

/// <summary>Where a tenant's data lives. Empty values inherit the host's <see cref="DatabaseOptions"/>.</summary>
public sealed record TenantDatabaseSettings
{
    /// <summary>"Sqlite" or "Postgres".</summary>
    public string? Provider { get; init; }
    public string? ConnectionString { get; init; }
    /// <summary>PostgreSQL schema; defaults to the host's schema prefix + tenant name.</summary>
    public string? Schema { get; init; }
}
