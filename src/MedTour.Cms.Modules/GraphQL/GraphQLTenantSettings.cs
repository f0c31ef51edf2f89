using System.Text.Json.Nodes;
using MedTour.Cms.Tenancy;

namespace MedTour.Cms.Modules.Graph;

/// <summary>
/// A tenant's GraphQL switches: the <c>GraphQL</c> section of its site settings (set by a recipe's <c>Settings</c>
/// step or the admin). Read once per request from the cached settings document; immutable.
/// </summary>
public sealed record GraphQLTenantSettings
{
    public const string Section = "GraphQL";

    /// <summary>Anonymous clients may read published content. Default: on for regional sites, off for Default.</summary>
    public bool AnonymousRead { get; init; }

    public bool Introspection { get; init; } = true;

    /// <summary>Only the documents of <see cref="AllowList"/> run (sent in full or by their SHA-256).</summary>
    public bool AllowListOnly { get; init; }

    /// <summary>Allow-listed documents by the lower-case hex SHA-256 of their text.</summary>
    public IReadOnlyDictionary<string, string> AllowList { get; init; } = new Dictionary<string, string>();

    public static GraphQLTenantSettings From(JsonObject siteSettings, TenantSettings tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        var section = siteSettings?[Section] as JsonObject;
        return new GraphQLTenantSettings
        {
            AnonymousRead = Bool(section?["AnonymousRead"]) ?? !tenant.IsDefault,
            Introspection = Bool(section?["Introspection"]) ?? true,
            AllowListOnly = Bool(section?["AllowListOnly"]) ?? false,
            AllowList = ((section?["AllowList"] as JsonArray)?.Select(n => n is JsonValue v && v.TryGetValue<string>(out var text) ? text : null).OfType<string>() ?? [])
                .DistinctBy(DocumentHash.Of).ToDictionary(DocumentHash.Of, d => d, StringComparer.OrdinalIgnoreCase),
        };
    }

    private static bool? Bool(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<bool>(out var b) ? b : null;
}
