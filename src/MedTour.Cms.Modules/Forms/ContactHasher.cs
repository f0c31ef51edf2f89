using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using MedTour.Cms.Tenancy;

namespace MedTour.Cms.Modules.Forms;

/// <summary>
/// Keyed hashes (HMAC-SHA256) of phones and e-mail addresses, so the pipeline can count a contact's submissions
/// without decrypting any. The key is random per tenant, kept in the tenant's App_Data folder (a plain hash of a phone
/// number could be reversed by trying every number). Singleton, thread-safe.
/// </summary>
public sealed class ContactHasher(AppPaths paths)
{
    private readonly ConcurrentDictionary<string, byte[]> _keys = new(StringComparer.OrdinalIgnoreCase);

    public string? Hash(string tenant, string? value) =>
        string.IsNullOrEmpty(value) ? null : Convert.ToHexStringLower(HMACSHA256.HashData(KeyOf(tenant), Encoding.UTF8.GetBytes(value.ToLowerInvariant())));

    private byte[] KeyOf(string tenant) => _keys.GetOrAdd(tenant, name =>
    {
        var folder = paths.TenantFolder(name);
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "contact-hash.key");
        try
        {
            // CreateNew: when two hosts start together, one writes and the other reads what it wrote.
            using var stream = new FileStream(file, FileMode.CreateNew, FileAccess.Write);
            var key = RandomNumberGenerator.GetBytes(32);
            stream.Write(key);
            return key;
        }
        catch (IOException) when (File.Exists(file))
        {
            for (var attempt = 0; ; attempt++)
            {
                var key = File.ReadAllBytes(file);
                if (key.Length == 32 || attempt == 20)
                {
                    return key.Length == 32 ? key : throw new InvalidOperationException($"The contact hash key of tenant '{name}' is damaged.");
                }

                Thread.Sleep(10);
            }
        }
    });
}
