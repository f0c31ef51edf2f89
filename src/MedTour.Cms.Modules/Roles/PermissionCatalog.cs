namespace MedTour.Cms.Modules.Roles;

/// <summary>Every permission of the tenant, from every module, grouped for the role editor. Scoped.</summary>
public sealed class PermissionCatalog(IEnumerable<IPermissionProvider> providers)
{
    public async Task<IReadOnlyList<Permission>> AllAsync(CancellationToken cancellationToken = default)
    {
        var all = new List<Permission>();
        foreach (var provider in providers)
        {
            all.AddRange(await provider.GetPermissionsAsync(cancellationToken));
        }

        return all.DistinctBy(p => p.Name, StringComparer.Ordinal).ToList();
    }
}
