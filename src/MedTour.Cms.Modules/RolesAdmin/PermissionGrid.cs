using MedTour.Cms.Modules.Roles;

namespace MedTour.Cms.Modules.RolesAdmin;

/// <summary>
/// The role editor's layout of the permissions: the per-type content permissions as a table (types × verbs), every
/// other permission grouped by its feature.
/// </summary>
public sealed record PermissionGrid(IReadOnlyList<(string Category, IReadOnlyList<Permission> Permissions)> Groups, IReadOnlyList<string> ContentTypes,
    IReadOnlyDictionary<(string Type, ContentVerb Verb), Permission> PerType)
{
    public static PermissionGrid From(IReadOnlyList<Permission> all)
    {
        ArgumentNullException.ThrowIfNull(all);
        var perType = new Dictionary<(string, ContentVerb), Permission>();
        var others = new List<Permission>();
        foreach (var permission in all)
        {
            var split = permission.Name.IndexOf('_', StringComparison.Ordinal);
            if (split > 0 && Enum.TryParse<ContentVerb>(permission.Name[..split], out var verb) && permission.ImpliedBy is { Count: > 0 })
            {
                perType[(permission.Name[(split + 1)..], verb)] = permission;
            }
            else
            {
                others.Add(permission);
            }
        }

        return new PermissionGrid(
            others.GroupBy(p => p.Category).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, (IReadOnlyList<Permission>)g.ToList())).ToList(),
            perType.Keys.Select(k => k.Item1).Distinct().Order(StringComparer.Ordinal).ToList(),
            perType);
    }
}
