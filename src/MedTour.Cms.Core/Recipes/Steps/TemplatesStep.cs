using System.Text.Json.Nodes;
using MedTour.Cms.Display;

namespace MedTour.Cms.Recipes.Steps;

/// <summary>Orchard's "Templates" step: <c>{"Templates": {"Content-Article": {"Content": "…liquid…"}}}</c> overrides theme views for this tenant.</summary>
public sealed class TemplatesStep(TemplateOverrides overrides, LiquidEngine liquid, Tenancy.TenantChangeNotifier changes) : IRecipeStepHandler
{
    public string Name => "Templates";

    public async Task ExecuteAsync(RecipeStepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Property("Templates") is not JsonObject templates)
        {
            throw RecipeStepContext.Error("Templates", "expected an object of view name → {\"Content\": \"…\"}.");
        }

        var parsed = new Dictionary<string, TemplateSource>(StringComparer.Ordinal);
        foreach (var (name, value) in templates)
        {
            var content = RecipeStepContext.RequiredString(RecipeJson.Get(value, "Content"), $"Templates.{name}.Content");
            try
            {
                liquid.Parse(content, name);
            }
            catch (LiquidSyntaxException e)
            {
                throw RecipeStepContext.Error($"Templates.{name}.Content", e.Message);
            }

            parsed[name] = new TemplateSource(content, RecipeJson.Get(value, "Description")?.GetValue<string>());
        }

        await overrides.SaveAsync(parsed);
        await changes.NotifyAfterCommitAsync();
    }
}
