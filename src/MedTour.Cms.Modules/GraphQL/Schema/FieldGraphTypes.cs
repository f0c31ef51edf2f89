using System.Text.Json.Nodes;
using GraphQL;
using GraphQL.Types;
using MedTour.Cms.Content;
using MedTour.Cms.Display;
using MedTour.Cms.Modules.Graph.Query;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Modules.Graph.Schema;

/// <summary>
/// The object type of each content field type, in Orchard's shape (<c>summary { text }</c>, <c>medicalAuthor {
/// contentItemIds contentItems }</c>, <c>photo { paths urls mediaTexts }</c>). The source of each is the field's JSON.
/// </summary>
public sealed class FieldGraphTypes
{
    private readonly Dictionary<string, ObjectGraphType> _types = new(StringComparer.Ordinal);

    public FieldGraphTypes(Scalars s, IGraphType contentItem)
    {
        Add("TextField", Gql.Field("text", s.String, c => Json(c)["Text"].AsText()));
        Add("HtmlField", Gql.Field("html", s.String, c => Json(c)["Html"].AsText()));
        Add("MarkdownField",
            Gql.Field("markdown", s.String, c => Json(c)["Markdown"].AsText()),
            Gql.Field("html", s.String, c => c.RequestServices!.GetRequiredService<MarkdownRenderer>().ToHtml(Json(c)["Markdown"].AsText())));
        Add("NumericField", Gql.Field("value", s.Float, c => Json(c)["Value"] is JsonValue v && v.TryGetValue<double>(out var d) ? d : null));
        Add("BooleanField", Gql.Field("value", s.Boolean, c => Json(c)["Value"] is JsonValue v && v.TryGetValue<bool>(out var b) ? b : null));
        Add("DateField", Gql.Field("value", s.DateTime, c => (object?)Date(Json(c)["Value"])));
        Add("DateTimeField", Gql.Field("value", s.DateTime, c => (object?)Date(Json(c)["Value"])));
        Add("LinkField", Gql.Field("url", s.String, c => Json(c)["Url"].AsText()), Gql.Field("text", s.String, c => Json(c)["Text"].AsText()));
        Add("MultiTextField", Gql.Field("values", Gql.List(s.String), c => Strings(Json(c)["Values"])));
        Add("MediaField",
            Gql.Field("paths", Gql.List(s.String), c => Strings(Json(c)["Paths"])),
            Gql.Field("urls", Gql.List(s.String), c => Strings(Json(c)["Paths"]).Select(p => GraphContext.Of(c).BaseUrl + "/media/" + p.TrimStart('/')).ToList()),
            Gql.Field("mediaTexts", Gql.List(s.String), c => Strings(Json(c)["MediaTexts"])));
        Add("ContentPickerField",
            Gql.Field("contentItemIds", Gql.List(s.Id), c => Strings(Json(c)["ContentItemIds"])),
            Gql.Field("contentItems", Gql.List(contentItem), c => GraphContext.Of(c).Published.LoadNow(Strings(Json(c)["ContentItemIds"]))));
        Add("TaxonomyField",
            Gql.Field("taxonomyContentItemId", s.Id, c => Json(c)["TaxonomyContentItemId"].AsText()),
            Gql.Field("termContentItemIds", Gql.List(s.Id), c => Strings(Json(c)["TermContentItemIds"])),
            Gql.Field("termContentItems", Gql.List(contentItem), Terms).NotDirect());
    }

    public ObjectGraphType? Find(string fieldType) => _types.GetValueOrDefault(fieldType);

    public static JsonObject Json(IResolveFieldContext context) => context.Source as JsonObject ?? [];

    public static List<string> Strings(JsonNode? node)
    {
        if (node is not JsonArray array)
        {
            return [];
        }

        var strings = new List<string>(array.Count);
        foreach (var value in array)
        {
            if (value.AsText() is { } text)
            {
                strings.Add(text);
            }
        }

        return strings;
    }

    private static DateTime? Date(JsonNode? node) =>
        node.AsText() is { } text && Content.Fields.ContentFieldType.TryParseDate(text, out var date) ? date : null;

    // Terms live inside their taxonomy item (Orchard's TaxonomyPart.Terms): load the taxonomy in the batch, pick the terms.
    private static object? Terms(IResolveFieldContext context)
    {
        var json = Json(context);
        var ids = Strings(json["TermContentItemIds"]);
        if (json["TaxonomyContentItemId"].AsText() is not { } taxonomyId || ids.Count == 0)
        {
            return Array.Empty<ContentItem>();
        }

        return new Mapped<IReadOnlyList<ContentItem>, IReadOnlyList<ContentItem>>(GraphContext.Of(context).Published.Load([taxonomyId]), taxonomies =>
        {
            var terms = ((taxonomies.Count > 0 ? taxonomies[0] : null)?.FindPart("TaxonomyPart")?["Terms"] as JsonArray)?.OfType<JsonObject>()
                .Select(ContentItemJson.Read).ToDictionary(t => t.ContentItemId, StringComparer.Ordinal) ?? [];
            return [.. ids.Select(id => terms.GetValueOrDefault(id)).OfType<ContentItem>()];
        });
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
