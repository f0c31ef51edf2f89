namespace MedTour.Cms.Display;

/// <summary>
/// View and asset names come from templates, which tenants may override: a name that climbs out of its folder
/// (<c>..</c>) or is rooted (<c>/etc/passwd</c>, <c>C:\…</c>) is refused before the file system is asked.
/// </summary>
public static class ThemePaths
{
    public static bool IsSafe(string name) =>
        !string.IsNullOrWhiteSpace(name)
        && !Path.IsPathRooted(name)
        && !name.StartsWith('/')
        && !name.Contains('\\', StringComparison.Ordinal)
        && !name.Contains(':', StringComparison.Ordinal)
        && !name.Contains('\0', StringComparison.Ordinal)
        && !name.Split('/').Any(segment => segment is ".." or ".");
}
