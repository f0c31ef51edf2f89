using MedTour.Cms.Data;
using MedTour.Cms.Tenancy;

namespace MedTour.Cms.Recipes.Steps;

/// <summary>
/// Orchard's "Media" step: copies files shipped with the recipe (<c>SourcePath</c>, under the recipe's own folder)
/// or given inline (<c>Base64</c>, as Orchard's exports write them) into the tenant's media folder, after commit.
/// </summary>
public sealed class MediaStep(AppPaths paths, CurrentTenant tenant, UnitOfWork unitOfWork) : IRecipeStepHandler
{
    public string Name => "Media";

    public async Task ExecuteAsync(RecipeStepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var files = context.RequiredArray("Files");
        var media = paths.MediaFolder(tenant.Name);
        var folder = Path.GetFullPath(context.Recipe.Folder ?? paths.Recipes);
        var copies = new List<(byte[]? Bytes, string? From, string To)>();
        for (var i = 0; i < files.Count; i++)
        {
            var target = RecipeStepContext.RequiredString(RecipeJson.Get(files[i], "TargetPath"), $"Files[{i}].TargetPath");
            var to = Path.GetFullPath(Path.Combine(media, target));
            if (!to.StartsWith(media + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                throw RecipeStepContext.Error($"Files[{i}].TargetPath", $"'{target}' leaves the media folder.");
            }

            if (RecipeJson.Get(files[i], "Base64") is { } base64)
            {
                copies.Add((Decode(RecipeStepContext.RequiredString(base64, $"Files[{i}].Base64"), $"Files[{i}].Base64"), null, to));
                continue;
            }

            var source = RecipeStepContext.RequiredString(RecipeJson.Get(files[i], "SourcePath"), $"Files[{i}].SourcePath");
            var from = Path.GetFullPath(Path.Combine(folder, source));
            if (!from.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(from))
            {
                throw RecipeStepContext.Error($"Files[{i}].SourcePath", $"no file '{source}' in the recipes folder.");
            }

            copies.Add((null, from, to));
        }

        await unitOfWork.AfterCommitAsync(async () =>
        {
            foreach (var (bytes, from, to) in copies)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(to)!);
                if (bytes is not null)
                {
                    await File.WriteAllBytesAsync(to, bytes);
                }
                else
                {
                    File.Copy(from!, to, overwrite: true);
                }
            }
        });
    }

    private static byte[] Decode(string base64, string path)
    {
        try
        {
            return Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            throw RecipeStepContext.Error(path, "expected the file's bytes as Base64 text.");
        }
    }
}
