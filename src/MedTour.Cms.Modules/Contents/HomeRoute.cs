using System.Text.Json.Nodes;
using MedTour.Cms.Content.Caching;
using MedTour.Cms.Settings;

namespace MedTour.Cms.Modules.Contents;

/// <summary>
/// The site settings' <c>HomeRoute</c> (Orchard's shape: <c>{"Area": "OrchardCore.Contents", "Controller": "Item",
/// "Action": "Display", "ContentItemId": "…"}</c>): the content item shown at the tenant's root. Routes to other
/// controllers are Orchard's own and are ignored here. Scoped; the settings document is cached.
/// </summary>
public sealed class HomeRoute(SiteSettingsStore settings, PublishedContent published)
{
    public const string SettingName = "HomeRoute";

    public async Task<string?> ContentItemIdAsync()
    {
        if ((await settings.GetAsync())[SettingName] is not JsonObject route || !IsItemDisplay(route))
        {
            return null;
        }

        return route["ContentItemId"] is JsonValue id && id.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;
    }

    /// <summary>The published path of the home item, or null when there is no home item or it is not published with a path.</summary>
    public async Task<string?> PathAsync() =>
        await ContentItemIdAsync() is { } id && (await published.PathsAsync([id])).TryGetValue(id, out var path) ? path : null;

    private static bool IsItemDisplay(JsonObject route) =>
        Is(route, "Action", "Display") && Is(route, "Controller", "Item") && Is(route, "Area", "OrchardCore.Contents");

    /// <summary>A missing value matches (the ContentItemId alone is enough); a different one does not.</summary>
    private static bool Is(JsonObject route, string name, string expected) =>
        route[name] is not JsonValue value || !value.TryGetValue<string>(out var text) || string.Equals(text, expected, StringComparison.OrdinalIgnoreCase);
}
