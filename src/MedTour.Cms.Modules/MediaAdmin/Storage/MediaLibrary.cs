using MedTour.Cms.Tenancy;

namespace MedTour.Cms.Modules.MediaAdmin.Storage;

/// <summary>
/// The current tenant's media folder on disk (<c>App_Data/Sites/{tenant}/Media</c>): folders, listing, writing
/// uploads, deleting. Every path it takes is relative to the library and checked to stay inside it. Scoped.
/// Beside it: <c>MediaText</c> (alt texts, <see cref="MediaTexts"/>) and <c>MediaCache</c> (image variants).
/// </summary>
public sealed class MediaLibrary(AppPaths paths, CurrentTenant tenant)
{
    public string Root => paths.MediaFolder(tenant.Name);

    public string TextRoot => Path.Combine(paths.TenantFolder(tenant.Name), "MediaText");

    public string CacheRoot => Path.Combine(paths.TenantFolder(tenant.Name), "MediaCache");

    /// <summary>The full path of a folder of the library, or null when it does not exist or is not a safe folder path.</summary>
    public string? FolderPath(string? folder)
    {
        var safe = MediaNames.Folder(folder);
        if (safe is null)
        {
            return null;
        }

        var full = Inside(Root, safe);
        return full is not null && Directory.Exists(full) ? full : safe.Length == 0 ? Root : null;
    }

    /// <summary>The full path of a file of the library, or null when there is none at <paramref name="path"/>.</summary>
    public string? FilePath(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return null;
        }

        var full = Inside(Root, path);
        return full is not null && File.Exists(full) ? full : null;
    }

    public MediaFolderListing List(string folder)
    {
        var full = FolderPath(folder) ?? throw new DirectoryNotFoundException(folder);
        if (!Directory.Exists(full))
        {
            return new MediaFolderListing(folder, [], []);
        }

        var folders = Directory.EnumerateDirectories(full).Select(Path.GetFileName).OfType<string>().Order(StringComparer.OrdinalIgnoreCase).ToList();
        var files = new DirectoryInfo(full).EnumerateFiles()
            .Where(f => !f.Name.StartsWith('.'))
            .OrderBy(f => f.Name, StringComparer.OrdinalIgnoreCase)
            .Select(f => Entry(f, Combine(folder, f.Name)))
            .ToList();
        return new MediaFolderListing(folder, folders, files);
    }

    public MediaEntry? Find(string path) => FilePath(path) is { } full ? Entry(new FileInfo(full), path) : null;

    /// <summary>Creates <paramref name="name"/> (already safe) in <paramref name="folder"/>; false when it exists.</summary>
    public bool CreateFolder(string folder, string name)
    {
        var target = Path.Combine(FolderPath(folder) ?? throw new DirectoryNotFoundException(folder), name);
        if (Directory.Exists(target) || File.Exists(target))
        {
            return false;
        }

        Directory.CreateDirectory(target);
        return true;
    }

    /// <summary>Deletes an empty folder (not the root); false when it holds anything.</summary>
    public bool DeleteFolder(string folder)
    {
        var full = FolderPath(folder);
        if (full is null || folder.Length == 0 || Directory.EnumerateFileSystemEntries(full).Any())
        {
            return false;
        }

        Directory.Delete(full);
        return true;
    }

    /// <summary>
    /// Writes <paramref name="uploads"/> into <paramref name="folder"/> under unique names (a taken name gets "-1",
    /// "-2"…); returns their library paths. Each is written to a temporary file first and moved into place; if one
    /// fails, those already written are removed again, so an upload is saved whole or not at all.
    /// </summary>
    public async Task<IReadOnlyList<string>> SaveAsync(string folder, IReadOnlyList<MediaUpload> uploads, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(uploads);
        var target = FolderPath(folder) ?? throw new DirectoryNotFoundException(folder);
        Directory.CreateDirectory(target);
        var written = new List<string>();
        try
        {
            foreach (var upload in uploads)
            {
                var temp = Path.Combine(target, $".upload-{Guid.NewGuid():N}");
                await File.WriteAllBytesAsync(temp, upload.Bytes, cancellationToken);
                var name = MoveToUniqueName(temp, target, upload.SafeName);
                written.Add(Combine(folder, name));
            }
        }
        catch
        {
            foreach (var path in written)
            {
                File.Delete(Path.Combine(Root, path));
            }

            foreach (var temp in Directory.EnumerateFiles(target, ".upload-*"))
            {
                File.Delete(temp);
            }

            throw;
        }

        return written;
    }

    /// <summary>Deletes a file with its alt texts and variants; false when there is no such file.</summary>
    public bool DeleteFile(string path)
    {
        var full = FilePath(path);
        if (full is null)
        {
            return false;
        }

        File.Delete(full);
        if (Inside(TextRoot, path + ".json") is { } texts && File.Exists(texts))
        {
            File.Delete(texts);
        }

        if (Inside(CacheRoot, path) is { } variants && Directory.Exists(variants))
        {
            Directory.Delete(variants, recursive: true);
        }

        return true;
    }

    public static string Combine(string folder, string name) => folder.Length == 0 ? name : folder + "/" + name;

    /// <summary>The full path of <paramref name="relative"/> under <paramref name="root"/>, or null when it would leave it.</summary>
    public static string? Inside(string root, string relative)
    {
        var full = Path.GetFullPath(Path.Combine(root, relative));
        return full == root || full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? full : null;
    }

    /// <summary>File.Move without overwrite is atomic and fails on a taken name, so two uploads of one name at once both survive.</summary>
    private static string MoveToUniqueName(string temp, string folder, string name)
    {
        var stem = Path.GetFileNameWithoutExtension(name);
        var extension = Path.GetExtension(name);
        for (var i = 0; ; i++)
        {
            var candidate = i == 0 ? name : $"{stem}-{i}{extension}";
            if (File.Exists(Path.Combine(folder, candidate)) || Directory.Exists(Path.Combine(folder, candidate)))
            {
                continue;
            }

            try
            {
                File.Move(temp, Path.Combine(folder, candidate), overwrite: false);
                return candidate;
            }
            catch (IOException) when (File.Exists(Path.Combine(folder, candidate)) && i < 1000)
            {
                // Taken between the check and the move by a concurrent upload: try the next name.
            }
        }
    }

    private static MediaEntry Entry(FileInfo file, string path) =>
        new(file.Name, path, file.Length, file.LastWriteTimeUtc, MediaKind.ForExtension(file.Extension));
}
