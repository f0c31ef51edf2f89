using System.Text;
using System.Text.Json;
using MedTour.Cms.Modules.Admin;
using MedTour.Cms.Modules.Admin.Shell;
using MedTour.Cms.Recipes;
using MedTour.Cms.Recipes.Export;
using MedTour.Cms.Tenancy;
using Microsoft.AspNetCore.Http;

namespace MedTour.Cms.Modules.ImportExportAdmin;

/// <summary>
/// Import parses the upload with <see cref="RecipeReader"/> (a JSON error gives line and position) and runs it with
/// <see cref="RecipeExecutor"/> in one transaction (a step's error names the step and its JSON path; nothing is written).
/// </summary>
internal static class ImportExportEndpoints
{
    /// <summary>The largest recipe accepted: the shipped ones are a few hundred kilobytes.</summary>
    public const long MaxRecipeBytes = 10 * 1024 * 1024;

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task<IResult> ImportAsync(HttpContext http, AdminRequest admin, RecipeExecutor executor)
    {
        var form = await http.Request.ReadFormAsync();
        var skip = form["skipUnsupported"] == "true";
        var file = form.Files.GetFile("recipe");
        if (file is null || file.Length == 0)
        {
            return ImportPage(skip, new FormErrors().Add("recipe", admin.T("Choose a recipe file (.json).")));
        }

        if (file.Length > MaxRecipeBytes)
        {
            return ImportPage(skip, new FormErrors().Add("recipe", admin.T("The file is larger than {0} MB.", MaxRecipeBytes / 1024 / 1024)));
        }

        string json;
        using (var reader = new StreamReader(file.OpenReadStream(), Encoding.UTF8))
        {
            json = await reader.ReadToEndAsync(http.RequestAborted);
        }

        var source = Path.GetFileName(file.FileName);
        try
        {
            var recipe = RecipeReader.Parse(json, source);
            var result = await executor.ExecuteAsync(recipe, new RecipeImportOptions { SkipUnsupported = skip }, http.RequestAborted);
            var message = result.Skipped.Count == 0
                ? admin.T("Imported {0}.", recipe.Name)
                : admin.T("Imported {0}; skipped: {1}", recipe.Name, string.Join(" ", result.Skipped));
            return AdminResults.RedirectWithFlash(admin, "/admin/import", message);
        }
        catch (Exception e) when (e is RecipeException or TenantValidationException)
        {
            return ImportPage(skip, new FormErrors().Add("recipe", e.Message));
        }
    }

    public static async Task<IResult> ExportAsync(HttpContext http, AdminRequest admin, RecipeExporter exporter, CurrentTenant tenant, TimeProvider clock)
    {
        var form = await http.Request.ReadFormAsync();
        var types = form["types"].Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t!).ToList();
        if (types.Count == 0)
        {
            return AdminResults.Page<ExportPage>(new Dictionary<string, object?> { ["Errors"] = new FormErrors().Add("types", admin.T("Choose at least one content type.")) }, StatusCodes.Status400BadRequest);
        }

        try
        {
            var recipe = await exporter.ExportAsync(types, http.RequestAborted);
            var bytes = Encoding.UTF8.GetBytes(recipe.ToJsonString(Indented) + "\n");
            var name = $"{tenant.Name}-{clock.GetUtcNow():yyyyMMdd-HHmm}.recipe.json";
            return Results.File(bytes, "application/json; charset=utf-8", name);
        }
        catch (RecipeException e)
        {
            return AdminResults.Page<ExportPage>(new Dictionary<string, object?> { ["Errors"] = new FormErrors().Add("types", e.Message), ["Chosen"] = types }, StatusCodes.Status400BadRequest);
        }
    }

    private static IResult ImportPage(bool skip, FormErrors errors) =>
        AdminResults.Page<ImportPage>(new Dictionary<string, object?> { ["SkipUnsupported"] = skip, ["Errors"] = errors }, StatusCodes.Status400BadRequest);
}
