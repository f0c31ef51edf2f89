namespace MedTour.Cms.Tenancy;

/// <summary>A file's write time and length: when either moves, the file was rewritten.</summary>
public readonly record struct FileStamp(long WriteTicks, long Length)
{
    /// <summary>The file's stamp now; the default stamp when there is no file.</summary>
    public static FileStamp Of(string path)
    {
        var file = new FileInfo(path);
        return file.Exists ? new FileStamp(file.LastWriteTimeUtc.Ticks, file.Length) : default;
    }
}
