using MedTour.Cms.Data;
using Microsoft.Extensions.Logging;

namespace MedTour.Cms.Modules.Roles;

/// <summary>
/// Brings a tenant's stored MedTour roles to today's default permission lists once per version of those lists: a
/// role still holding exactly an earlier default list (see <see cref="DefaultRoleHistory"/>) gets today's; a role an
/// administrator edited is left alone. The version reached is kept in the tenant's <c>RoleDefaults</c> document, so the
/// upgrade runs once, and a later edit back to an old list is not undone. Scoped; run at start for every running tenant.
/// </summary>
public sealed class DefaultRolesUpgrade(RoleStore roles, DocumentStore documents, ILogger<DefaultRolesUpgrade> logger)
{
    public const string DocumentName = "RoleDefaults";

    /// <summary>The roles whose lists were replaced (empty when the tenant was up to date).</summary>
    public async Task<IReadOnlyList<string>> RunAsync(CancellationToken cancellationToken = default)
    {
        var stored = await documents.GetAsync<RoleDefaultsDocument>(DocumentName, cancellationToken);
        if (stored?.Version >= DefaultRoleHistory.Current)
        {
            return [];
        }

        var upgraded = new List<string>();
        var current = (await roles.ListAsync(cancellationToken)).ToDictionary(r => r.Name, StringComparer.Ordinal);
        foreach (var stereotype in DefaultRoles.All)
        {
            if (!current.TryGetValue(stereotype.Name, out var role) || role.Permissions.ToHashSet(StringComparer.Ordinal).SetEquals(stereotype.Permissions))
            {
                continue;
            }

            var untouched = DefaultRoleHistory.Earlier
                .Where(v => v.Key >= (stored?.Version ?? 0))
                .Any(v => v.Value.TryGetValue(stereotype.Name, out var earlier) && role.Permissions.ToHashSet(StringComparer.Ordinal).SetEquals(earlier));
            if (untouched)
            {
                await roles.SaveAsync(stereotype.Name, description: null, stereotype.Permissions);
                upgraded.Add(stereotype.Name);
            }
        }

        await MarkCurrentAsync(cancellationToken);
        if (upgraded.Count > 0)
        {
            logger.LogInformation("Default roles {Roles} upgraded to version {Version}", string.Join(", ", upgraded), DefaultRoleHistory.Current);
        }

        return upgraded;
    }

    /// <summary>Records that the roles are today's (a tenant just set up with them).</summary>
    public Task MarkCurrentAsync(CancellationToken cancellationToken = default) =>
        documents.SaveAsync(DocumentName, new RoleDefaultsDocument { Version = DefaultRoleHistory.Current }, cancellationToken);
}

/// <summary>The version of the default role lists a tenant's roles were last brought to.</summary>
public sealed class RoleDefaultsDocument
{
    public int Version { get; set; }
}
