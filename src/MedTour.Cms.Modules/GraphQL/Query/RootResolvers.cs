using GraphQL;
using MedTour.Cms.Content;
using MedTour.Cms.Content.Definitions;
using MedTour.Cms.Data;
using MedTour.Cms.Modules.Graph.Schema;
using MedTour.Cms.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Modules.Graph.Query;

/// <summary>The root fields: a type's list, one item by id, the site settings.</summary>
public static class RootResolvers
{
    public static async ValueTask<object?> ListAsync(IResolveFieldContext context, string contentType, WhereMap where, OrderMap order)
    {
        var graph = GraphContext.Of(context);
        var status = Status(context, graph);
        var first = Gql.Value<int?>(context, "first") ?? graph.MaxFirst;
        if (first < 0 || first > graph.MaxFirst)
        {
            throw new ExecutionError($"first: must be between 0 and {graph.MaxFirst}.") { Code = "FIRST_OUT_OF_RANGE" };
        }

        var skip = Gql.Value<int?>(context, "skip") ?? 0;
        if (skip < 0)
        {
            throw new ExecutionError("skip: must not be negative.") { Code = "SKIP_OUT_OF_RANGE" };
        }

        var args = new ListArguments(contentType, Gql.Dictionary(context, "where"), Gql.Dictionary(context, "orderBy"), first, skip, status);
        graph.ListedType(contentType);
        var items = await ContentLister.ListAsync(context.RequestServices!, args, where, order, context.CancellationToken);
        foreach (var item in items)
        {
            graph.Returned(item);
        }

        // Published items are in the published-content cache already: a relation pointing back to one finds it
        // there; only draft reads, which that cache does not hold, need the page primed.
        if (status != ItemStatus.Published)
        {
            graph.LoaderFor(status).Prime(items);
        }

        return items;
    }

    public static async ValueTask<object?> ContentItemAsync(IResolveFieldContext context)
    {
        var graph = GraphContext.Of(context);
        var status = Status(context, graph);
        var id = Gql.Value<string>(context, "contentItemId") ?? string.Empty;
        ContentItem? item;
        if (status == ItemStatus.Published)
        {
            item = (await context.RequestServices!.GetRequiredService<Content.Caching.PublishedContent>().GetManyAsync([id])) is [var found, ..] ? found : null;
        }
        else
        {
            var db = context.RequestServices!.GetRequiredService<CmsDbContext>();
            var record = await ContentLister.ByStatus(db.ContentItems.AsNoTracking().Where(x => x.ContentItemId == id), status)
                .OrderByDescending(x => x.Latest).ThenByDescending(x => x.Id).FirstOrDefaultAsync(context.CancellationToken);
            var definition = await context.RequestServices!.GetRequiredService<ContentDefinitionManager>().GetAsync(context.CancellationToken);
            item = record is null ? null : DeclaredParts.OnlyDeclared(ContentRecords.ToItem(record), definition);
        }

        if (item is null || !ContentTypeRules.IsExposed(item.ContentType))
        {
            return null;
        }

        graph.Returned(item);
        return item;
    }

    public static async ValueTask<object?> SiteSettingsAsync(IResolveFieldContext context)
    {
        var graph = GraphContext.Of(context);
        var settings = await context.RequestServices!.GetRequiredService<SiteSettingsStore>().GetAsync();
        return new SiteSettingsGraphType.Source(settings["SiteName"].AsText(), graph.Tenant);
    }

    private static ItemStatus Status(IResolveFieldContext context, GraphContext graph)
    {
        var status = context.Arguments?.TryGetValue("status", out var value) == true && value.Value is ItemStatus s ? s : ItemStatus.Published;
        if (status != ItemStatus.Published && graph.Scope != ReadScope.Drafts)
        {
            throw new ExecutionError($"status: {status.ToString().ToUpperInvariant()} needs an API token with the read:drafts scope.") { Code = "FORBIDDEN" };
        }

        return status;
    }
}
