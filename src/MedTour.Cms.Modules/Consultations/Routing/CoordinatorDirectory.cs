using System.Text.Json.Nodes;
using MedTour.Cms.Content;
using MedTour.Cms.Data;
using Microsoft.EntityFrameworkCore;

namespace MedTour.Cms.Modules.Consultations.Routing;

/// <summary>
/// The tenant's coordinators as routing sees them: its published <c>Coordinator</c> items (the recipes' shape:
/// <c>Email.Text</c>, <c>Regions.Values</c>, <c>PatientCountries.Values</c>, <c>DestinationCountries.Values</c>,
/// <c>Languages.Values</c>, <c>Specialties.TermContentItemIds</c>, <c>Weight.Value</c>, <c>Active.Value</c>), codes in
/// lower case. An item without an e-mail cannot be mailed and is left out. Scoped.
/// </summary>
public sealed class CoordinatorDirectory(CmsDbContext db)
{
    public const string ContentType = "Coordinator";

    public async Task<IReadOnlyList<Coordinator>> AllAsync(CancellationToken cancellationToken = default)
    {
        var records = await db.ContentItems.AsNoTracking().Where(r => r.ContentType == ContentType && r.Published).ToListAsync(cancellationToken);
        return [.. records.Select(r => From(ContentRecords.ToItem(r))).OfType<Coordinator>()];
    }

    public static Coordinator? From(ContentItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var part = item.FindPart(ContentType) ?? [];
        if (Text(part["Email"]?["Text"]) is not { } email)
        {
            return null;
        }

        return new Coordinator(
            item.ContentItemId,
            email,
            Codes(part["Regions"]?["Values"]),
            Codes(part["PatientCountries"]?["Values"]),
            Codes(part["DestinationCountries"]?["Values"]),
            Codes(part["Languages"]?["Values"]),
            Codes(part["Specialties"]?["TermContentItemIds"]),
            part["Weight"]?["Value"] is JsonValue w && w.TryGetValue<double>(out var weight) ? (int)Math.Max(0, weight) : 1,
            part["Active"]?["Value"] is not JsonValue a || !a.TryGetValue<bool>(out var active) || active);
    }

    private static HashSet<string> Codes(JsonNode? node) =>
        node is JsonArray array ? [.. array.Select(Text).OfType<string>().Select(s => s.ToLowerInvariant())] : [];

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) && s.Trim().Length > 0 ? s.Trim() : null;
}
