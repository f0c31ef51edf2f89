using System.Security.Cryptography;

namespace MedTour.Cms.Modules.Site;

/// <summary>The version put in a static file's URL (<c>?v=…</c>): 12 hex characters of its content's SHA-256, or "missing".</summary>
public static class FileFingerprint
{
    public static string Of(string path) =>
        File.Exists(path) ? Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)))[..12] : "missing";
}
