using MedTour.Cms.Content;
using MedTour.Cms.Content.Caching;
using MedTour.Cms.Content.Definitions;
using MedTour.Cms.Display;
using MedTour.Cms.Modules.Contents;
using MedTour.Cms.Tenancy;

namespace MedTour.Cms.Modules.Lists;

/// <summary>
/// The page of an item whose type has a ListPart lists its published contained items, a page at a time
/// (<c>?page=</c>, checked by <see cref="Pager"/>): <c>Model.ListItems</c> (each with its <c>Url</c>) and <c>Model.ListPager</c>.
/// </summary>
public sealed class ListPartComposer(ContentDefinitionManager definitions, PublishedContent published, LiquidModelCache models, CacheTags tags, CurrentTenant tenant)
    : IContentPageComposer
{
    public bool AppliesTo(string contentType) => true;

    public async Task ComposeAsync(ContentPageContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Term is not null || (await definitions.FindTypeAsync(context.Item.ContentType))?.FindPart("ListPart") is not { } listPart)
        {
            return;
        }

        var settings = ListPartSettings.From(listPart);
        var containerId = context.Item.ContentItemId;
        foreach (var type in settings.ContainedContentTypes)
        {
            tags.Add(CacheTags.Type(tenant.Name, type));
        }

        ContentQuery Build(ContentQueryFactory factory)
        {
            var query = factory.Query().WhereField(ContainedPartIndexer.Part, ContainedPartIndexer.ListContentItemId, f => f.Text == containerId);
            return settings.ContainedContentTypes.Count > 0 ? query.OfType([.. settings.ContainedContentTypes]) : query;
        }

        var key = $"list:{containerId}";
        var total = await published.CountAsync(key, q => Build(q).CountAsync());
        var pager = Pager.Create(context.Http, total, settings.PageSize);
        var items = await published.ListAsync($"{key}:page{pager.Page}", q =>
        {
            var query = Build(q);
            if (settings.EnableOrdering)
            {
                query.OrderByField(ContainedPartIndexer.Part, ContainedPartIndexer.Order, f => f.Number);
            }

            return query.OrderBy(x => x.CreatedUtc, descending: true).ListAsync(pager.Skip, settings.PageSize);
        });

        var paths = await published.PathsAsync([.. items.Select(i => i.ContentItemId)]);
        context.Model["ListItems"] = items.Select(item =>
        {
            tags.Add(CacheTags.Item(tenant.Name, item.ContentItemId));
            tags.Add(CacheTags.Type(tenant.Name, item.ContentType));
            var model = models.CopyOf(item);
            model["Url"] = paths.TryGetValue(item.ContentItemId, out var path) ? context.Url(path) : null;
            return model;
        }).ToList();
        context.Model["ListPager"] = pager.Model;
    }
}
