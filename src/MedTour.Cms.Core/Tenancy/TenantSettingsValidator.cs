using System.Globalization;
using System.Text.RegularExpressions;

namespace MedTour.Cms.Tenancy;

/// <summary>Checks a tenant's settings on their own and against the other tenants (no shared prefix or host).</summary>
public static partial class TenantSettingsValidator
{
    // The host's own paths (sign-in, admin, API, media, theme assets, health) can never be a site's prefix.
    private static readonly string[] ReservedPrefixes = ["login", "admin", "api", "media", "themes", "health", "_framework"];

    /// <param name="schemaPrefix">The host's <see cref="DatabaseOptions.SchemaPrefix"/>, to know the schema of tenants that name none.</param>
    public static void Validate(TenantSettings tenant, IEnumerable<TenantSettings> others, string schemaPrefix = "tenant_")
    {
        ArgumentNullException.ThrowIfNull(tenant);
        if (!Name().IsMatch(tenant.Name ?? string.Empty))
        {
            throw new TenantValidationException("Name", $"'{tenant.Name}' is not a valid tenant name (letters, digits and _, starting with a letter, at most 50).");
        }

        var prefix = tenant.RequestUrlPrefix;
        if (!string.IsNullOrEmpty(prefix))
        {
            ValidatePrefix(prefix);
        }

        foreach (var host in tenant.RequestUrlHosts)
        {
            if (Uri.CheckHostName(host.Split(':')[0]) == UriHostNameType.Unknown)
            {
                throw new TenantValidationException("RequestUrlHosts", $"'{host}' is not a valid host name.");
            }
        }

        if (!tenant.IsDefault && string.IsNullOrEmpty(prefix) && tenant.RequestUrlHosts.Count == 0)
        {
            throw new TenantValidationException("RequestUrlPrefix", "a tenant other than Default needs a URL prefix or a host, or no request could reach it.");
        }

        if (tenant.Cultures.Count == 0)
        {
            throw new TenantValidationException("Cultures", "at least one culture is required.");
        }

        foreach (var culture in tenant.Cultures)
        {
            if (!IsCulture(culture))
            {
                throw new TenantValidationException("Cultures", $"'{culture}' is not a known culture name.");
            }
        }

        var database = TenantDatabaseValidator.Validate(tenant, schemaPrefix);
        var list = others.Where(o => !string.Equals(o.Name, tenant.Name, StringComparison.OrdinalIgnoreCase)).ToList();
        TenantDatabaseValidator.ValidateUnique(tenant, database, list, schemaPrefix);
        foreach (var other in list)
        {
            if (!string.IsNullOrEmpty(prefix) && string.Equals(other.RequestUrlPrefix, prefix, StringComparison.OrdinalIgnoreCase))
            {
                throw new TenantValidationException("RequestUrlPrefix", $"'{prefix}' is already the prefix of tenant '{other.Name}'.");
            }

            var shared = tenant.RequestUrlHosts.Intersect(other.RequestUrlHosts, StringComparer.OrdinalIgnoreCase).FirstOrDefault();
            if (shared is not null)
            {
                throw new TenantValidationException("RequestUrlHosts", $"'{shared}' is already a host of tenant '{other.Name}'.");
            }
        }
    }

    private static void ValidatePrefix(string prefix)
    {
        if (prefix.Contains('/', StringComparison.Ordinal))
        {
            throw new TenantValidationException("RequestUrlPrefix", $"'{prefix}' is a nested prefix; a prefix is one path segment (a site's cultures use the segments below it).");
        }

        if (!Prefix().IsMatch(prefix))
        {
            throw new TenantValidationException("RequestUrlPrefix", $"'{prefix}' is not a valid URL prefix (lower-case letters, digits and -, at most 50).");
        }

        if (ReservedPrefixes.Contains(prefix, StringComparer.OrdinalIgnoreCase))
        {
            throw new TenantValidationException("RequestUrlPrefix", $"'{prefix}' is reserved for the host's own paths ({string.Join(", ", ReservedPrefixes)}).");
        }
    }

    private static bool IsCulture(string name)
    {
        try
        {
            return !string.IsNullOrWhiteSpace(name) && !CultureInfo.GetCultureInfo(name, predefinedOnly: true).Equals(CultureInfo.InvariantCulture);
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]{0,49}$")]
    private static partial Regex Name();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,49}$")]
    private static partial Regex Prefix();
}
