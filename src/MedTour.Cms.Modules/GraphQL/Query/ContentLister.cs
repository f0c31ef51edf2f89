using MedTour.Cms.Content;
using MedTour.Cms.Content.Caching;
using MedTour.Cms.Content.Definitions;
using MedTour.Cms.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Modules.Graph.Query;

/// <summary>
/// Runs a list field as one SQL query over the version rows, the field index, routes and localizations. Published
/// reads select ids only and take the items from the published-content cache (the id list itself is cached per
/// content version), so a warm published read costs no query; draft reads select the rows.
/// </summary>
public static class ContentLister
{
    public static async Task<IReadOnlyList<ContentItem>> ListAsync(IServiceProvider services, ListArguments args, WhereMap where, OrderMap order, CancellationToken cancellationToken)
    {
        if (args.Status == ItemStatus.Published)
        {
            var published = services.GetRequiredService<PublishedContent>();
            return await published.ListAsync(args.CacheKey(), async _ =>
            {
                var ids = await Query(services, args, where, order).Select(x => x.ContentItemId).ToListAsync(cancellationToken);
                return [.. ids.Select(id => new ContentItem { ContentType = args.ContentType, ContentItemId = id })];
            });
        }

        var records = await Query(services, args, where, order).ToListAsync(cancellationToken);
        var definition = await services.GetRequiredService<ContentDefinitionManager>().GetAsync(cancellationToken);
        return [.. records.Select(r => DeclaredParts.OnlyDeclared(ContentRecords.ToItem(r), definition))];
    }

    public static IQueryable<ContentItemRecord> Query(IServiceProvider services, ListArguments args, WhereMap where, OrderMap order)
    {
        var db = services.GetRequiredService<CmsDbContext>();
        var contentType = args.ContentType;
        var query = db.ContentItems.AsNoTracking().Where(x => x.ContentType == contentType);
        query = ByStatus(query, args.Status);
        if (args.Where is { Count: > 0 } filter)
        {
            query = query.Where(where.Build(db, filter));
        }

        return order.Apply(db, query, args.OrderBy).Skip(args.Skip).Take(args.First);
    }

    public static IQueryable<ContentItemRecord> ByStatus(IQueryable<ContentItemRecord> query, ItemStatus status) => status switch
    {
        ItemStatus.Published => query.Where(x => x.Published),
        ItemStatus.Latest => query.Where(x => x.Latest),
        ItemStatus.Draft => query.Where(x => x.Latest && !x.Published),
        _ => query,
    };
}
