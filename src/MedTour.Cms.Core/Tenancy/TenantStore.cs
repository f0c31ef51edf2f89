using System.Text.Json;
using System.Text.Json.Serialization;

namespace MedTour.Cms.Tenancy;

/// <summary>
/// Reads and writes <c>App_Data/tenants.json</c>. Stateless singleton. Other processes (the CLI, another host on
/// the same folder) write it too: writers hold <see cref="Lock"/>, and every write goes to a temporary file of its
/// own that replaces the list in one move, so a reader sees the old list or the new one, never half a file.
/// </summary>
public sealed class TenantStore(AppPaths paths)
{
    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(15);

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public IReadOnlyList<TenantSettings> Load()
    {
        if (!File.Exists(paths.TenantsFile))
        {
            return [];
        }

        using var stream = File.OpenRead(paths.TenantsFile);
        return JsonSerializer.Deserialize<List<TenantSettings>>(stream, JsonOptions) ?? [];
    }

    /// <summary>What identifies the file's current content without reading it (write time and length).</summary>
    public FileStamp Stamp() => FileStamp.Of(paths.TenantsFile);

    public void Save(IEnumerable<TenantSettings> tenants) =>
        AtomicFile.WriteAllText(paths.TenantsFile, JsonSerializer.Serialize(tenants.OrderBy(t => t.Name, StringComparer.Ordinal), JsonOptions));

    /// <summary>
    /// The cross-process writers' lock: a lock file opened with <see cref="FileShare.None"/> (an exclusive
    /// <c>flock</c> on Unix, a share lock on Windows), released by disposing. Waits up to 15 s.
    /// </summary>
    public IDisposable Lock()
    {
        Directory.CreateDirectory(paths.AppData);
        var deadline = DateTime.UtcNow + LockTimeout;
        while (true)
        {
            try
            {
                return new FileStream(paths.TenantsFile + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(20);
            }
        }
    }

    /// <summary>Whether two settings say the same (records holding lists never compare equal by value).</summary>
    public static bool Same(TenantSettings? a, TenantSettings? b) =>
        a is not null && b is not null && JsonSerializer.Serialize(a, JsonOptions) == JsonSerializer.Serialize(b, JsonOptions);
}

