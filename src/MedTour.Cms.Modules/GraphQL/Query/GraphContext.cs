using MedTour.Cms.Content;
using MedTour.Cms.Display;
using MedTour.Cms.Tenancy;

namespace MedTour.Cms.Modules.Graph.Query;

/// <summary>
/// One GraphQL request's state, handed to resolvers as GraphQL.NET's user context: who reads (scope), the tenant,
/// the absolute base URL for media, the batch loader of related items and the items returned (output-cache tags).
/// Not thread-safe: queries run with the serial execution strategy (one DbContext per request).
/// </summary>
public sealed class GraphContext : Dictionary<string, object?>
{
    // Ids and types of what was returned; turned into output-cache tags only when a response is stored (most are not).
    private readonly HashSet<string> _items = new(StringComparer.Ordinal);
    private readonly HashSet<string> _types = new(StringComparer.Ordinal);

    public GraphContext(TenantSettings tenant, ReadScope scope, string baseUrl, int maxFirst, IServiceProvider services)
    {
        Tenant = tenant;
        Scope = scope;
        BaseUrl = baseUrl;
        MaxFirst = maxFirst;
        Published = new ItemLoader(services, ItemStatus.Published, this);
        Latest = new ItemLoader(services, ItemStatus.Latest, this);
    }

    public TenantSettings Tenant { get; }

    public ReadScope Scope { get; }

    /// <summary>Scheme, host and tenant path base, without a trailing slash.</summary>
    public string BaseUrl { get; }

    public int MaxFirst { get; }

    /// <summary>The tenant's schema entry (schema and document cache) and this document's key in it.</summary>
    public Schema.TenantSchemaCache.Entry? SchemaEntry { get; set; }

    public string? DocumentKey { get; set; }

    /// <summary>Set by a field whose answer no content tag describes (search): the response is not kept by the output cache.</summary>
    public bool DoNotStore { get; set; }

    /// <summary>The request (mutations read its method and address and pass it to the forms pipeline).</summary>
    public Microsoft.AspNetCore.Http.HttpContext? Http { get; init; }

    public ItemLoader Published { get; }

    public ItemLoader Latest { get; }

    public ItemLoader LoaderFor(ItemStatus status) => status == ItemStatus.Published ? Published : Latest;

    /// <summary>
    /// Whether the items returned are noted for <see cref="Tags"/>: only a response the output cache may store needs
    /// them (anonymous persisted GETs); other requests skip the bookkeeping.
    /// </summary>
    public bool TrackTags { get; init; } = true;

    public IEnumerable<string> Tags =>
        _items.Select(id => CacheTags.Item(Tenant.Name, id)).Concat(_types.Select(type => CacheTags.Type(Tenant.Name, type)));

    public void Returned(ContentItem item)
    {
        if (!TrackTags)
        {
            return;
        }

        _items.Add(item.ContentItemId);
        _types.Add(item.ContentType);
    }

    public void ListedType(string contentType)
    {
        if (TrackTags)
        {
            _types.Add(contentType);
        }
    }

    public static GraphContext Of(GraphQL.IResolveFieldContext context) => (GraphContext)context.UserContext;
}
