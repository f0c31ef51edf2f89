using System.Diagnostics;
using System.Text.Json;
using MedTour.Cms.Recipes;
using MedTour.Cms.Recipes.Export;
using MedTour.Cms.Tenancy;

namespace MedTour.Cms.Web.Cli;

/// <summary><c>recipe import TENANT FILE [--skip-unsupported]</c> and <c>recipe export TENANT [--types A,B] [--out FILE]</c>.</summary>
public static class RecipeCommands
{
    public const string SkipUnsupported = "skip-unsupported";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task<int> ImportAsync(IServiceProvider services, CommandOptions options, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        var tenant = FindTenant(services, options.Required(2, "tenant name"));
        var file = options.Required(3, "recipe file");
        if (!File.Exists(file))
        {
            throw new ArgumentException($"no file '{file}'.");
        }

        var recipe = RecipeReader.Load(file);
        var watch = Stopwatch.StartNew();
        RecipeImportResult result;
        await using (var scope = services.GetRequiredService<TenantScopeFactory>().CreateScope(tenant))
        {
            var importOptions = new RecipeImportOptions { SkipUnsupported = options.Flag(SkipUnsupported) };
            result = await scope.ServiceProvider.GetRequiredService<RecipeExecutor>().ExecuteAsync(recipe, importOptions);
        }

        foreach (var skipped in result.Skipped)
        {
            await output.WriteLineAsync("skipped: " + skipped);
        }

        await output.WriteLineAsync($"Imported {recipe.Name} into {tenant.Name} in {watch.ElapsedMilliseconds} ms{(result.Skipped.Count > 0 ? $", {result.Skipped.Count} unsupported thing(s) skipped" : string.Empty)}.");
        return 0;
    }

    public static async Task<int> ExportAsync(IServiceProvider services, CommandOptions options, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        var tenant = FindTenant(services, options.Required(2, "tenant name"));
        string json;
        await using (var scope = services.GetRequiredService<TenantScopeFactory>().CreateScope(tenant))
        {
            var recipe = await scope.ServiceProvider.GetRequiredService<RecipeExporter>().ExportAsync(options.List("types"));
            json = recipe.ToJsonString(Indented);
        }

        if (options.Named("out") is { Length: > 0 } file)
        {
            await File.WriteAllTextAsync(file, json + Environment.NewLine);
            await output.WriteLineAsync($"Exported {tenant.Name} to {file}.");
        }
        else
        {
            await output.WriteLineAsync(json);
        }

        return 0;
    }

    private static TenantSettings FindTenant(IServiceProvider services, string name) =>
        services.GetRequiredService<TenantRegistry>().Find(name) ?? throw new TenantNotFoundException(name);
}
