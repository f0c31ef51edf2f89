using System.Text.Json;
using System.Text.Json.Serialization;

namespace MedTour.Cms.Tenancy;

/// <summary>Reads and writes <c>App_Data/tenants.json</c>. Writes go to a temporary file first so a crash never leaves half a file.</summary>
public sealed class TenantStore(AppPaths paths)
{
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

    public void Save(IEnumerable<TenantSettings> tenants)
    {
        Directory.CreateDirectory(paths.AppData);
        var temporary = paths.TenantsFile + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(tenants.OrderBy(t => t.Name, StringComparer.Ordinal), JsonOptions));
        File.Move(temporary, paths.TenantsFile, overwrite: true);
    }
}
