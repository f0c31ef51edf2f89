namespace MedTour.Cms.Modules.Graph;

/// <summary>
/// Configuration section <c>MedTour:GraphQL</c>: the host-wide limits of the GraphQL endpoint. A tenant can
/// only make them stricter (<see cref="GraphQLTenantSettings"/>).
/// </summary>
public sealed class GraphQLOptions
{
    /// <summary>Largest query document accepted, in characters (checked before parsing).</summary>
    public int MaxDocumentLength { get; set; } = 16 * 1024;

    /// <summary>Largest request body (JSON with variables), in bytes.</summary>
    public int MaxBodyBytes { get; set; } = 64 * 1024;

    public int MaxDepth { get; set; } = 12;

    /// <summary>Complexity: every field counts 1; a root list multiplies its children by its <c>first</c> (or <see cref="MaxFirst"/>), a relation list by 5.</summary>
    public int MaxComplexity { get; set; } = 50_000;

    /// <summary>Largest <c>first</c>; also the page size when <c>first</c> is left out.</summary>
    public int MaxFirst { get; set; } = 100;

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Parsed and validated documents kept per tenant schema.</summary>
    public int DocumentCacheEntries { get; set; } = 500;

    /// <summary>Automatic persisted queries kept per tenant (bounded; Apollo clients re-send a forgotten one).</summary>
    public int PersistedQueryEntries { get; set; } = 2_000;

    /// <summary>Tenant schemas kept in memory (the least recently used is dropped beyond this).</summary>
    public int SchemaCacheEntries { get; set; } = 200;

    /// <summary><c>Cache-Control: max-age</c> of anonymous persisted GET responses.</summary>
    public int MaxAgeSeconds { get; set; } = 60;
}
