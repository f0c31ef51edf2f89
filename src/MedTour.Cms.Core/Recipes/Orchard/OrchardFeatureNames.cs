using MedTour.Cms.Modules;

namespace MedTour.Cms.Recipes.Orchard;

/// <summary>
/// Orchard Core's feature ids as recipes write them, mapped to this host's features. What Orchard splits into
/// features and this host always has (titles, routes, HTML, Markdown, fields, lists, media, Liquid, templates…)
/// is accepted and needs nothing (now also workflows, forms, e-mail, Lucene search and queries, GraphQL); an Orchard
/// feature this host lacks (menus, layers, SQL queries…) is
/// unsupported, and so is any other name that is not one of this host's features.
/// </summary>
public static class OrchardFeatureNames
{
    private static readonly Dictionary<string, string> Mapped = new(StringComparer.OrdinalIgnoreCase)
    {
        ["OrchardCore.Contents"] = "Contents",
        ["OrchardCore.Tenants"] = "Tenants",
    };

    private static readonly HashSet<string> AlwaysOn = new(StringComparer.OrdinalIgnoreCase)
    {
        "OrchardCore.Admin", "OrchardCore.Alias", "OrchardCore.Autoroute", "OrchardCore.ContentFields",
        "OrchardCore.ContentLocalization", "OrchardCore.ContentTypes", "OrchardCore.Deployment", "OrchardCore.Diagnostics",
        "OrchardCore.DynamicCache", "OrchardCore.Features", "OrchardCore.HomeRoute", "OrchardCore.Html", "OrchardCore.Liquid",
        "OrchardCore.Lists", "OrchardCore.Localization", "OrchardCore.Markdown", "OrchardCore.Media", "OrchardCore.PublishLater",
        "OrchardCore.Recipes", "OrchardCore.Resources", "OrchardCore.Roles", "OrchardCore.Scripting", "OrchardCore.Seo",
        "OrchardCore.Settings", "OrchardCore.Setup", "OrchardCore.Shortcodes", "OrchardCore.Sitemaps", "OrchardCore.Taxonomies",
        "OrchardCore.Templates", "OrchardCore.Themes", "OrchardCore.Title", "OrchardCore.Users",
        // The consultation flow, search and the headless API (issues 8-10): their steps (WorkflowType, lucene-index,
        // Queries) import here, and an activity or query kind this host lacks is named by the step itself.
        "OrchardCore.Workflows", "OrchardCore.Workflows.Http", "OrchardCore.Workflows.Timers", "OrchardCore.Forms",
        "OrchardCore.Email", "OrchardCore.Email.Smtp", "OrchardCore.Lucene", "OrchardCore.Search", "OrchardCore.Search.Lucene",
        "OrchardCore.Queries", "OrchardCore.Apis.GraphQL",
        // Orchard's admin theme and safe-mode theme: this host's admin is its own.
        "TheAdmin", "SafeMode",
    };

    /// <summary>This host's feature for a name, <see cref="string.Empty"/> for one that is always on, null when unsupported.</summary>
    public static string? Resolve(string name, FeatureCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(catalog);
        if (Mapped.TryGetValue(name, out var mapped))
        {
            return catalog.Exists(mapped) ? mapped : null;
        }

        if (AlwaysOn.Contains(name))
        {
            return string.Empty;
        }

        return catalog.Exists(name) ? catalog.Names.First(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase)) : null;
    }
}
