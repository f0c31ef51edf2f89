using System.Text.Json.Nodes;
using MedTour.Cms.Settings;

namespace MedTour.Cms.Recipes.Steps;

/// <summary>Orchard's "Settings" step: every property but "name" is merged into the site settings.</summary>
public sealed class SettingsStep(SiteSettingsStore settings, Tenancy.TenantChangeNotifier changes) : IRecipeStepHandler
{
    public string Name => "Settings";

    public async Task ExecuteAsync(RecipeStepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var site = (await settings.GetAsync()).DeepClone().AsObject();
        foreach (var (name, value) in context.Step)
        {
            if (!string.Equals(name, "name", StringComparison.OrdinalIgnoreCase))
            {
                site[name] = value?.DeepClone();
            }
        }

        await settings.SaveAsync(site);
        await changes.NotifyAfterCommitAsync();
    }
}
