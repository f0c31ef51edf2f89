using System.Globalization;
using System.Text.RegularExpressions;

namespace MedTour.Cms.Tenancy;

/// <summary>Checks a tenant's settings on their own and against the other tenants (no shared prefix or host).</summary>
public static partial class TenantSettingsValidator
{
    private static readonly string[] ReservedPrefixes = ["health", "api", "_framework"];

    public static void Validate(TenantSettings tenant, IEnumerable<TenantSettings> others)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        if (!Name().IsMatch(tenant.Name ?? string.Empty))
        {
            throw new TenantValidationException("Name", $"'{tenant.Name}' is not a valid tenant name (letters, digits and _, starting with a letter, at most 50).");
        }

        var prefix = tenant.RequestUrlPrefix;
        if (!string.IsNullOrEmpty(prefix) && (!Prefix().IsMatch(prefix) || ReservedPrefixes.Contains(prefix.Split('/')[0], StringComparer.OrdinalIgnoreCase)))
        {
            throw new TenantValidationException("RequestUrlPrefix", $"'{prefix}' is not a valid URL prefix (lower-case letters, digits and -, segments separated by /, not {string.Join(", ", ReservedPrefixes)}).");
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

        foreach (var other in others.Where(o => !string.Equals(o.Name, tenant.Name, StringComparison.OrdinalIgnoreCase)))
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

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,49}(/[a-z0-9][a-z0-9-]{0,49})*$")]
    private static partial Regex Prefix();
}
