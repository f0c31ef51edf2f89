using System.Text.Json.Nodes;
using MedTour.Cms.Data;
using MedTour.Cms.Settings;

namespace MedTour.Cms.Modules.Consultations.Routing;

/// <summary>
/// Reads and saves the tenant's <see cref="RoutingSettings"/>. A tenant that never saved any gets MedTour's default ladder
/// ending in the site's fallback coordinator inbox, in the site's time zone. Scoped.
/// </summary>
public sealed class RoutingSettingsStore(DocumentStore documents, SiteSettingsStore site)
{
    public async Task<RoutingSettings> GetAsync(CancellationToken cancellationToken = default)
    {
        if (await documents.GetAsync<RoutingSettings>(RoutingSettings.DocumentName, cancellationToken) is { } saved)
        {
            return saved;
        }

        var settings = await site.GetAsync();
        var inbox = Text(settings["MedTourSettings"]?["FallbackCoordinatorEmail"]);
        var rules = RoutingRule.DefaultLadder(inbox ?? string.Empty);
        return new RoutingSettings
        {
            Rules = inbox is null ? [.. rules.Where(r => r.Inbox is null)] : rules,
            TimeZoneId = Text(settings["TimeZoneId"]) is { } zone && TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _) ? zone : "UTC",
        };
    }

    public Task SaveAsync(RoutingSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return documents.SaveAsync(RoutingSettings.DocumentName, settings, cancellationToken);
    }

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0 ? s : null;
}
