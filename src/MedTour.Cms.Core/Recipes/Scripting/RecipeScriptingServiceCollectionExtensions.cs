using MedTour.Cms.Recipes.Export;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MedTour.Cms.Recipes.Scripting;

public static class RecipeScriptingServiceCollectionExtensions
{
    /// <summary>Orchard's recipe expressions (<c>[js: …]</c>, <c>[file: …]</c>) and the recipe exporter.</summary>
    public static IServiceCollection AddRecipeScripting(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<RecipeScriptOptions>().Bind(configuration.GetSection("MedTour:Recipes:Scripting"));
        services.TryAddScoped<RecipeParameters>();
        services.TryAddScoped<RecipeScripting>();
        services.TryAddScoped<RecipeExporter>();
        return services;
    }
}
