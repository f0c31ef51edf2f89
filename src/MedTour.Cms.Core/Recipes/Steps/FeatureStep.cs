using System.Text.Json.Nodes;
using MedTour.Cms.Modules;
using MedTour.Cms.Recipes.Orchard;
using MedTour.Cms.Tenancy;

namespace MedTour.Cms.Recipes.Steps;

/// <summary>
/// Orchard's "Feature" step: enables and disables features of the tenant (saved once the import commits), then tells
/// the tenant observers, so cached pages of a feature switched off (or on) are not served. Orchard's ids are mapped
/// (<c>OrchardCore.Contents</c> → <c>Contents</c>); those of what is always on here are accepted and change nothing.
/// Disabling a feature this host lacks is a no-op, as it is already off.
/// </summary>
public sealed class FeatureStep(FeatureCatalog features, CurrentTenant tenant, TenantRegistry registry, Data.UnitOfWork unitOfWork, TenantChangeNotifier changes) : IRecipeStepHandler, IRecipeStepPreflight
{
    private const string Enable = "enable";
    private const string Disable = "disable";

    public string Name => "Feature";

    public async Task ExecuteAsync(RecipeStepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var enable = Names(context, Enable);
        var disable = Names(context, Disable);
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

    public IEnumerable<RecipeUnsupported> FindUnsupported(JsonObject stepJson)
    {
        if (RecipeJson.Get(stepJson, Enable) is not JsonArray array)
        {
            yield break;
        }

        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is JsonValue value && value.TryGetValue<string>(out var name) && OrchardFeatureNames.Resolve(name, features) is null)
            {
                yield return new RecipeUnsupported($"{Enable}[{i}]", $"unknown feature '{name}' (known: {string.Join(", ", features.Names)} and Orchard's ids of what is always on).");
            }
        }
    }

    public void RemoveUnsupported(JsonObject stepJson)
    {
        ArgumentNullException.ThrowIfNull(stepJson);
        if (RecipeJson.Get(stepJson, Enable) is JsonArray array)
        {
            var unsupported = array.Where(n => n is JsonValue v && v.TryGetValue<string>(out var name) && OrchardFeatureNames.Resolve(name, features) is null).ToList();
            unsupported.ForEach(n => array.Remove(n));
        }
    }

    private List<string> Names(RecipeStepContext context, string property)
    {
        var array = context.OptionalArray(property);
        var names = new List<string>();
        for (var i = 0; i < array.Count; i++)
        {
            var name = RecipeStepContext.RequiredString(array[i], $"{property}[{i}]");
            var resolved = OrchardFeatureNames.Resolve(name, features);
            if (resolved is null && property == Enable)
            {
                throw RecipeStepContext.Error($"{property}[{i}]", $"unknown feature '{name}' (known: {string.Join(", ", features.Names)}).");
            }

            if (!string.IsNullOrEmpty(resolved))
            {
                names.Add(resolved);
            }
        }

        return names;
    }
}
