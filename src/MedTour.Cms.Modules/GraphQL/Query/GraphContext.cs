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
    private readonly HashSet<string> _tags = new(StringComparer.Ordinal);

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

    public ItemLoader Published { get; }

    public ItemLoader Latest { get; }

    public ItemLoader LoaderFor(ItemStatus status) => status == ItemStatus.Published ? Published : Latest;

    public IReadOnlyCollection<string> Tags => _tags;

    public void Returned(ContentItem item)
    {
        _tags.Add(CacheTags.Item(Tenant.Name, item.ContentItemId));
        _tags.Add(CacheTags.Type(Tenant.Name, item.ContentType));
    }

    public void ListedType(string contentType) => _tags.Add(CacheTags.Type(Tenant.Name, contentType));

    public static GraphContext Of(GraphQL.IResolveFieldContext context) => (GraphContext)context.UserContext;
}
