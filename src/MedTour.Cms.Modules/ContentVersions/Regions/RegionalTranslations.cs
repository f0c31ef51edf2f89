using System.Security.Claims;
using MedTour.Cms.Content;
using MedTour.Cms.Content.Definitions;
using MedTour.Cms.Modules.Roles;
using MedTour.Cms.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Modules.Versions.Regions;

/// <summary>How the signed-in user stands on another region for one item.</summary>
public enum RegionAccess
{
    /// <summary>Their account there may create items of the type.</summary>
    Ready,
    /// <summary>No account there with the same user name and e-mail.</summary>
    NoAccount,
    /// <summary>An account, but its roles there do not allow creating items of the type.</summary>
    NoPermission,
}

/// <summary>Another region's side of an item's localization set: its members there, the cultures it lacks there, and the user's access.</summary>
public sealed record RegionCounterparts(TenantSettings Tenant, IReadOnlyList<TranslationMember> Members, IReadOnlyList<string> MissingCultures, RegionAccess Access);

/// <summary>
/// The localization set across regional sites (Orchard's LocalizationPart set id is shared between tenants, as
/// <c>hreflang</c> already uses it): lists the members each other region holds, and loads a source item from another
/// region for this site's editor to prefill a counterpart with. Regions are the running sites with a region and the
/// Contents feature, as for <c>hreflang</c>. Reading another region's item needs the user's matching account there
/// (<see cref="RegionAccounts"/>) to be allowed to preview it; creating the counterpart needs this site's
/// <c>Create</c> permission, checked by the editor as for any new item. Scoped.
/// </summary>
public sealed class RegionalTranslations(TenantRegistry registry, TenantScopeFactory scopes, CurrentTenant tenant, IServiceProvider services)
{
    public IEnumerable<TenantSettings> OtherRegions() => registry.All
        .Where(t => t.State == TenantState.Running && t.Region is not null && t.IsFeatureEnabled("Contents") && !string.Equals(t.Name, tenant.Name, StringComparison.OrdinalIgnoreCase))
        .OrderBy(t => t.CreatedUtc).ThenBy(t => t.Name, StringComparer.Ordinal);

    /// <summary>Each other region whose definitions have the item's type with a localization set.</summary>
    public async Task<IReadOnlyList<RegionCounterparts>> ListAsync(ContentItem item, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (ContentTranslator.SetOf(item) is not { } set)
        {
            return [];
        }

        var identity = await RegionAccounts.IdentityOfAsync(services, user);
        var list = new List<RegionCounterparts>();
        foreach (var region in OtherRegions())
        {
            await using var scope = scopes.CreateScope(region);
            var type = await scope.ServiceProvider.GetRequiredService<ContentDefinitionManager>().FindTypeAsync(item.ContentType, cancellationToken);
            if (type?.HasPart(ContentTranslator.Part) != true)
            {
                continue;
            }

            var members = await scope.ServiceProvider.GetRequiredService<ContentTranslator>().MembersAsync(set, cancellationToken);
            var missing = region.Cultures.Where(c => !members.Any(m => string.Equals(m.Culture, c, StringComparison.OrdinalIgnoreCase))).ToList();
            var access = identity is not { } who || await RegionAccounts.CounterpartAsync(scope.ServiceProvider, who) is null ? RegionAccess.NoAccount
                : await RegionAccounts.CanAsync(scope.ServiceProvider, who, ContentVerb.Create, item.ContentType, null) ? RegionAccess.Ready
                : RegionAccess.NoPermission;
            list.Add(new RegionCounterparts(region, members, missing, access));
        }

        return list;
    }

    /// <summary>
    /// The latest version of <paramref name="id"/> on region <paramref name="regionName"/> when the user's matching account
    /// there may preview it, with what a counterpart here needs (see <see cref="TranslationPrefill"/>); otherwise why not.
    /// </summary>
    public async Task<SourceLookup> SourceAsync(string regionName, string id, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var region = OtherRegions().FirstOrDefault(r => string.Equals(r.Name, regionName, StringComparison.OrdinalIgnoreCase));
        if (region is null)
        {
            return SourceLookup.NotFound;
        }

        await using var scope = scopes.CreateScope(region);
        var item = await scope.ServiceProvider.GetRequiredService<ContentManager>().GetAsync(id, VersionOptions.Latest);
        if (item is null || ContentTranslator.SetOf(item) is null)
        {
            return SourceLookup.NotFound;
        }

        if (await RegionAccounts.IdentityOfAsync(services, user) is not { } identity
            || !await RegionAccounts.CanAsync(scope.ServiceProvider, identity, ContentVerb.Preview, item.ContentType, item.Owner))
        {
            return SourceLookup.Forbidden;
        }

        var prefill = await TranslationPrefill.CollectAsync(item, scope.ServiceProvider, cancellationToken);
        return new SourceLookup(region, item, prefill);
    }
}

/// <summary>A source item read from another region, or why it was not (<see cref="Item"/> null).</summary>
public sealed record SourceLookup(TenantSettings? Region, ContentItem? Item, SourceReferences? References, bool Denied = false)
{
    public static readonly SourceLookup NotFound = new(null, null, null);
    public static readonly SourceLookup Forbidden = new(null, null, null, Denied: true);
}
