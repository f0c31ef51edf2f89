using System.Text.Json;

namespace MedTour.Cms.Modules.MediaAdmin.Storage;

/// <summary>
/// Alt texts of a file, per culture, in a JSON file beside the library (<c>MediaText/{path}.json</c>): outside the
/// public media folder, so it is never served, and removed with the file. Scoped, through <see cref="MediaLibrary"/>.
/// </summary>
public sealed class MediaTexts(MediaLibrary library)
{
    public const int MaxLength = 500;

    public IReadOnlyDictionary<string, string> Read(string path)
    {
        var file = MediaLibrary.Inside(library.TextRoot, path + ".json");
        if (file is null || !File.Exists(file))
        {
            return new Dictionary<string, string>();
        }

        return JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(file)) ?? [];
    }

    /// <summary>Replaces the file's alt texts; empty ones are left out. Written to a temporary file and moved, never half-written.</summary>
    public async Task WriteAsync(string path, IReadOnlyDictionary<string, string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var file = MediaLibrary.Inside(library.TextRoot, path + ".json") ?? throw new ArgumentException("The path leaves the library.", nameof(path));
        var kept = texts.Where(t => !string.IsNullOrWhiteSpace(t.Value)).ToDictionary(t => t.Key, t => t.Value.Trim());
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var temp = file + ".tmp-" + Guid.NewGuid().ToString("N");
        await File.WriteAllTextAsync(temp, JsonSerializer.Serialize(kept));
        File.Move(temp, file, overwrite: true);
    }
}
