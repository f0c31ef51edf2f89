namespace MedTour.Cms.Tenancy;

/// <summary>Host-wide options (configuration section <c>MedTour</c>).</summary>
public sealed class CmsOptions
{
    /// <summary>Folder for tenants.json and the per-tenant folders; relative paths are under the content root.</summary>
    public string AppDataPath { get; set; } = "App_Data";
    /// <summary>Folder of *.recipe.json files; relative paths are under the application's base directory.</summary>
    public string RecipesPath { get; set; } = "recipes";
    /// <summary>Folder of themes; relative paths are under the application's base directory.</summary>
    public string ThemesPath { get; set; } = "themes";
    /// <summary>The recipe the Default tenant is set up from on first run.</summary>
    public string DefaultRecipe { get; set; } = "medtour-default";
    /// <summary>Host names of the Default tenant (the region chooser), so regions reached by their own host can link back to it.</summary>
    public List<string> DefaultHosts { get; set; } = [];

    /// <summary>Set up tenants automatically at start-up.</summary>
    public bool AutoSetup { get; set; } = true;
}
