using System.Text.Json.Nodes;
using GraphQL;
using GraphQL.Types;
using MedTour.Cms.Content;
using MedTour.Cms.Data;
using MedTour.Cms.Display;
using MedTour.Cms.Modules.Graph.Query;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Modules.Graph.Schema;

/// <summary>A part as a resolver source: its JSON and the item it belongs to.</summary>
public sealed record PartSource(ContentItem Item, JsonObject Json);

/// <summary>Orchard's part types (<c>titlePart { title }</c>, <c>autoroutePart { path }</c>, <c>localizationPart { culture … }</c>…).</summary>
public sealed class PartGraphTypes
{
    private readonly Dictionary<string, ObjectGraphType> _types = new(StringComparer.Ordinal);

    public PartGraphTypes(Scalars s, IGraphType contentItem)
    {
        Add("TitlePart", Gql.Field("title", s.String, c => Json(c)["Title"].AsText()));
        Add("AutoroutePart", Gql.Field("path", s.String, c => Json(c)["Path"].AsText()));
        Add("HtmlBodyPart", Gql.Field("html", s.String, c => Json(c)["Html"].AsText()));
        Add("MarkdownBodyPart",
            Gql.Field("markdown", s.String, c => Json(c)["Markdown"].AsText()),
            Gql.Field("html", s.String, c => c.RequestServices!.GetRequiredService<MarkdownRenderer>().ToHtml(Json(c)["Markdown"].AsText())));
        Add("SeoMetaPart",
            Gql.Field("pageTitle", s.String, c => Json(c)["PageTitle"].AsText()),
            Gql.Field("metaDescription", s.String, c => Json(c)["MetaDescription"].AsText()),
            Gql.Field("metaKeywords", s.String, c => Json(c)["MetaKeywords"].AsText()),
            Gql.Field("canonical", s.String, c => Json(c)["Canonical"].AsText()),
            Gql.Field("metaRobots", s.String, c => Json(c)["MetaRobots"].AsText()));
        Add("ContainedPart",
            Gql.Field("listContentItemId", s.Id, c => Json(c)["ListContentItemId"].AsText()),
            Gql.Field("order", s.Int, c => Json(c)["Order"] is JsonValue v && v.TryGetValue<int>(out var i) ? i : null));
        Add("LocalizationPart",
            Gql.Field("culture", s.String, c => Json(c)["Culture"].AsText()),
            Gql.Field("localizationSet", s.String, c => Json(c)["LocalizationSet"].AsText()),
            Gql.AsyncField("localizations", Gql.List(contentItem), LocalizationsAsync,
                new QueryArguments(Gql.Argument("culture", s.String)), "The other versions of this item in its localization set."));
        Add("ListPart",
            Gql.AsyncField("contentItems", Gql.List(contentItem), ListItemsAsync,
                new QueryArguments(Gql.Argument("first", s.Int), Gql.Argument("skip", s.Int))));
        Add("TaxonomyPart",
            Gql.Field("termContentType", s.String, c => Json(c)["TermContentType"].AsText()),
            Gql.Field("contentItems", Gql.List(contentItem), c => (Json(c)["Terms"] as JsonArray)?.OfType<JsonObject>().Select(ContentItemJson.Read).ToList()));
    }

    public ObjectGraphType? Find(string partName) => _types.GetValueOrDefault(partName);

    private static JsonObject Json(IResolveFieldContext context) => ((PartSource)context.Source!).Json;

    private static async ValueTask<object?> LocalizationsAsync(IResolveFieldContext context)
    {
        var source = (PartSource)context.Source!;
        if (source.Json["LocalizationSet"].AsText() is not { Length: > 0 } set)
        {
            return Array.Empty<ContentItem>();
        }

        var culture = Gql.Value<string>(context, "culture");
        var db = context.RequestServices!.GetRequiredService<CmsDbContext>();
        var ids = await db.Localizations.AsNoTracking()
            .Where(l => l.LocalizationSet == set && l.ContentItemId != source.Item.ContentItemId && (culture == null || l.Culture == culture))
            .OrderBy(l => l.Culture).Select(l => l.ContentItemId).ToListAsync(context.CancellationToken);
        return GraphContext.Of(context).Published.Load(ids);
    }

    private static async ValueTask<object?> ListItemsAsync(IResolveFieldContext context)
    {
        var source = (PartSource)context.Source!;
        var graph = GraphContext.Of(context);
        var first = Math.Clamp(Gql.Value<int?>(context, "first") ?? graph.MaxFirst, 0, graph.MaxFirst);
        var skip = Math.Max(0, Gql.Value<int?>(context, "skip") ?? 0);
        var container = source.Item.ContentItemId;
        var db = context.RequestServices!.GetRequiredService<CmsDbContext>();
        var ids = await db.FieldIndex.AsNoTracking()
            .Where(f => f.Published && f.PartName == "ContainedPart" && f.FieldName == "ListContentItemId" && f.Text == container)
            .OrderBy(f => f.Id).Skip(skip).Take(first).Select(f => f.ContentItemId).ToListAsync(context.CancellationToken);
        return graph.Published.Load(ids);
    }

    private void Add(string name, params FieldType[] fields)
    {
        var type = new ObjectGraphType { Name = name };
        foreach (var field in fields)
        {
            type.AddField(field);
        }

        _types[name] = type;
    }
}
