using MedTour.Cms.Data;
using MedTour.Cms.Tenancy;

namespace MedTour.Cms.Recipes.Steps;

/// <summary>Orchard's "Media" step: copies files shipped with the recipes into the tenant's media folder (after commit).</summary>
public sealed class MediaStep(RecipeReader reader, AppPaths paths, CurrentTenant tenant, UnitOfWork unitOfWork) : IRecipeStepHandler
{
    public string Name => "Media";

    public async Task ExecuteAsync(RecipeStepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var files = context.RequiredArray("Files");
        var media = paths.MediaFolder(tenant.Name);
        var copies = new List<(string From, string To)>();
        for (var i = 0; i < files.Count; i++)
        {
            var source = RecipeStepContext.RequiredString(files[i]?["SourcePath"], $"Files[{i}].SourcePath");
            var target = RecipeStepContext.RequiredString(files[i]?["TargetPath"], $"Files[{i}].TargetPath");
            var from = reader.ResolveFile(source);
            if (from is null || !File.Exists(from))
            {
                throw RecipeStepContext.Error($"Files[{i}].SourcePath", $"no file '{source}' in the recipes folder.");
            }

            var to = Path.GetFullPath(Path.Combine(media, target));
            if (!to.StartsWith(media + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                throw RecipeStepContext.Error($"Files[{i}].TargetPath", $"'{target}' leaves the media folder.");
            }

            copies.Add((from, to));
        }

        await unitOfWork.AfterCommitAsync(() =>
        {
            foreach (var (from, to) in copies)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(to)!);
                File.Copy(from, to, overwrite: true);
            }

            return Task.CompletedTask;
        });
    }
}
