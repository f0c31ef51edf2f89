namespace MedTour.Cms.Tenancy;

/// <summary>
/// Writes a file so readers (other processes included) see the old content or the new, never part of it: the text
/// goes to a temporary file with a name of its own (two writers never share or delete each other's), then is moved
/// over the target.
/// </summary>
public static class AtomicFile
{
    public static void WriteAllText(string path, string contents)
    {
        ArgumentNullException.ThrowIfNull(path);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            File.WriteAllText(temporary, contents);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
