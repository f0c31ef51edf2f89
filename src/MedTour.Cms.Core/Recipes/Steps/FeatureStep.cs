using MedTour.Cms.Modules;
using MedTour.Cms.Tenancy;

namespace MedTour.Cms.Recipes.Steps;

/// <summary>
/// Orchard's "Feature" step: enables and disables features of the tenant (saved once the import commits), then tells
/// the tenant observers, so cached pages of a feature switched off (or on) are not served.
/// </summary>
public sealed class FeatureStep(FeatureCatalog features, CurrentTenant tenant, TenantRegistry registry, Data.UnitOfWork unitOfWork, TenantChangeNotifier changes) : IRecipeStepHandler
{
    public string Name => "Feature";

    public async Task ExecuteAsync(RecipeStepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var enable = Names(context, "enable");
        var disable = Names(context, "disable");
        var tenantName = tenant.Name;
        await unitOfWork.AfterCommitAsync(() =>
        {
            registry.Update(tenantName, t => t with
            {
                Features = [.. t.Features.Union(enable, StringComparer.OrdinalIgnoreCase).Except(disable, StringComparer.OrdinalIgnoreCase)],
            });
            return Task.CompletedTask;
        });
        await changes.NotifyAfterCommitAsync();
    }

    private List<string> Names(RecipeStepContext context, string property)
    {
        var array = context.OptionalArray(property);
        var names = new List<string>();
        for (var i = 0; i < array.Count; i++)
        {
            var name = RecipeStepContext.RequiredString(array[i], $"{property}[{i}]");
            if (!features.Exists(name))
            {
                throw RecipeStepContext.Error($"{property}[{i}]", $"unknown feature '{name}' (known: {string.Join(", ", features.Names)}).");
            }

            names.Add(name);
        }

        return names;
    }
}
