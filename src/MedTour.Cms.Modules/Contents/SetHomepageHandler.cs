using System.Text.Json.Nodes;
using MedTour.Cms.Content;
using MedTour.Cms.Settings;
using MedTour.Cms.Tenancy;

namespace MedTour.Cms.Modules.Contents;

/// <summary>
/// Orchard's <c>AutoroutePart.SetHomepage</c>: publishing an item that asks for it makes it the site's
/// <see cref="HomeRoute"/> (as Orchard writes it). The flag stays on the item: publishing it again takes the home back.
/// </summary>
public sealed class SetHomepageHandler(SiteSettingsStore settings, TenantChangeNotifier changes) : IContentHandler
{
    public Task PublishedAsync(ContentItem item) => ApplyAsync(item);

    public Task UpdatedAsync(ContentItem item) => item.Published ? ApplyAsync(item) : Task.CompletedTask;

    private async Task ApplyAsync(ContentItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.FindPart("AutoroutePart")?["SetHomepage"] is not JsonValue flag || !flag.TryGetValue<bool>(out var set) || !set)
        {
            return;
        }

        var site = (await settings.GetAsync()).DeepClone().AsObject();
        site[HomeRoute.SettingName] = new JsonObject
        {
            ["Action"] = "Display",
            ["Controller"] = "Item",
            ["Area"] = "OrchardCore.Contents",
            ["ContentItemId"] = item.ContentItemId,
        };
        await settings.SaveAsync(site);
        await changes.NotifyAfterCommitAsync();
    }
}
