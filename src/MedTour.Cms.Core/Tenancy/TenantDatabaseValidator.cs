using System.Text.RegularExpressions;

namespace MedTour.Cms.Tenancy;

/// <summary>Checks a tenant's <see cref="TenantDatabaseSettings"/>: a known provider, a safe schema name, no schema shared with another tenant.</summary>
public static partial class TenantDatabaseValidator
{
    /// <summary>Checks the settings on their own; returns the schema the tenant would use on PostgreSQL.</summary>
    public static string Validate(TenantSettings tenant, string schemaPrefix)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        var database = tenant.Database ?? new TenantDatabaseSettings();
        if (database.Provider is { } provider
            && !string.Equals(provider, DatabaseOptions.Sqlite, StringComparison.OrdinalIgnoreCase)
            && !string.Equals(provider, DatabaseOptions.Postgres, StringComparison.OrdinalIgnoreCase))
        {
            throw new TenantValidationException("Database.Provider", $"'{provider}' is not a database provider (Sqlite or Postgres).");
        }

        if (database.Schema is { } schema && !Schema().IsMatch(schema))
        {
            throw new TenantValidationException("Database.Schema", $"'{schema}' is not a valid schema name (lower-case letters, digits and _, starting with a letter or _, at most 63).");
        }

        return SchemaOf(tenant, schemaPrefix);
    }

    public static void ValidateUnique(TenantSettings tenant, string schema, IEnumerable<TenantSettings> others, string schemaPrefix)
    {
        ArgumentNullException.ThrowIfNull(others);
        foreach (var other in others)
        {
            if (string.Equals(SchemaOf(other, schemaPrefix), schema, StringComparison.Ordinal)
                && string.Equals(other.Database?.ConnectionString, tenant.Database?.ConnectionString, StringComparison.Ordinal))
            {
                throw new TenantValidationException("Database.Schema", $"'{schema}' is already the schema of tenant '{other.Name}'.");
            }
        }
    }

    private static string SchemaOf(TenantSettings tenant, string schemaPrefix) =>
        tenant.Database?.Schema ?? (schemaPrefix + tenant.Name).ToLowerInvariant();

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex Schema();
}
