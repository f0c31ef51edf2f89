using System.Text.Json.Nodes;
using MedTour.Cms.Data;

namespace MedTour.Cms.Settings;

/// <summary>The tenant's site settings: one JSON document (SiteName, and a section per module). Scoped.</summary>
public sealed class SiteSettingsStore(DocumentStore documents)
{
    public const string DocumentName = "SiteSettings";

    public async Task<JsonObject> GetAsync() => await documents.GetAsync<JsonObject>(DocumentName) ?? [];

    public Task SaveAsync(JsonObject settings) => documents.SaveAsync(DocumentName, settings);
}
