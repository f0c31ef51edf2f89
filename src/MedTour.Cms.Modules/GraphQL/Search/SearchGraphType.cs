using GraphQL;
using GraphQL.Types;
using GraphQL.Validation.Complexity;
using MedTour.Cms.Modules.Graph.Query;
using MedTour.Cms.Modules.Graph.Schema;
using MedTour.Cms.Modules.Search.Querying;

namespace MedTour.Cms.Modules.Graph.Search;

/// <summary>
/// The root <c>search</c> field: the search module's full-text search (published items of one culture) with its
/// highlighted snippets, facets and total, and each hit's item (loaded in one batch with the other relations).
/// </summary>
public static class SearchGraphType
{
    public static FieldType Create(Scalars s, IInterfaceGraphType contentItem, int maxFirst)
    {
        ArgumentNullException.ThrowIfNull(s);
        var hit = new ObjectGraphType { Name = "SearchHit", Description = "One result; titleHtml and snippet are encoded HTML with the matched words in <mark>." };
        hit.AddField(Gql.Field("contentItemId", Gql.NonNull(s.Id), c => Hit(c).ContentItemId));
        hit.AddField(Gql.Field("contentType", Gql.NonNull(s.String), c => Hit(c).ContentType));
        hit.AddField(Gql.Field("title", s.String, c => Hit(c).Title));
        hit.AddField(Gql.Field("titleHtml", s.String, c => Hit(c).TitleHtml));
        hit.AddField(Gql.Field("snippet", s.String, c => Hit(c).SnippetHtml));
        hit.AddField(Gql.Field("path", s.String, c => Hit(c).Path));
        hit.AddField(Gql.Field("url", s.String, c => Hit(c).Path is { } path ? GraphContext.Of(c).BaseUrl + "/" + path : null));
        hit.AddField(Gql.Field("score", s.Float, c => (double)Hit(c).Score));
        hit.AddField(Gql.Field("contentItem", contentItem, c => GraphContext.Of(c).Published.LoadOne(Hit(c).ContentItemId)));

        var value = new ObjectGraphType { Name = "SearchFacetValue", Description = "A facet value and its number of hits (with the other facets' filters applied)." };
        value.AddField(Gql.Field("value", Gql.NonNull(s.String), c => ((FacetValue)c.Source!).Value));
        value.AddField(Gql.Field("label", s.String, c => ((FacetValue)c.Source!).Label));
        value.AddField(Gql.Field("count", Gql.NonNull(s.Int), c => ((FacetValue)c.Source!).Count));
        value.AddField(Gql.Field("selected", Gql.NonNull(s.Boolean), c => ((FacetValue)c.Source!).Selected));

        var facets = new ObjectGraphType { Name = "SearchFacets" };
        foreach (var name in new[] { "type", "country", "specialty" })
        {
            facets.AddField(Gql.Field(name, Gql.List(value), c => ((SearchResults)c.Source!).Facets.GetValueOrDefault(name) ?? []));
        }

        var result = new ObjectGraphType { Name = "SearchResult" };
        result.AddField(Gql.Field("query", s.String, c => Results(c).Query));
        result.AddField(Gql.Field("total", Gql.NonNull(s.Int), c => Results(c).Total));
        result.AddField(Gql.Field("page", Gql.NonNull(s.Int), c => Results(c).Page));
        result.AddField(Gql.Field("pageSize", Gql.NonNull(s.Int), c => Results(c).PageSize));
        result.AddField(Gql.Field("pageCount", Gql.NonNull(s.Int), c => Results(c).PageCount));
        result.AddField(Gql.Field("fuzzy", Gql.NonNull(s.Boolean), c => Results(c).Fuzzy, "Nothing matched exactly: these are spelling-tolerant matches."));
        result.AddField(Gql.Field("someWords", Gql.NonNull(s.Boolean), c => Results(c).SomeWords, "No item has every word: these have some of them."));
        result.AddField(Gql.Field("message", s.String, c => Results(c).Problem, "Why nothing was searched (no word to search for, no such page)."));
        result.AddField(Gql.Field("hits", Gql.List(hit), c => Results(c).Hits));
        result.AddField(Gql.Field("facets", facets, c => c.Source));

        return Gql.AsyncField("search", result, SearchResolver.SearchAsync,
            new QueryArguments(
                Gql.Argument("query", Gql.NonNull(s.String)),
                Gql.Argument("culture", s.String),
                Gql.Argument("type", s.String),
                Gql.Argument("country", s.String),
                Gql.Argument("specialty", s.String),
                Gql.Argument("first", s.Int),
                Gql.Argument("page", s.Int, 1)),
            "Full-text search over the site's published items in one culture (the site's default when left out).")
            .WithComplexityImpact(context => new FieldComplexityResult(1, Math.Clamp(context.Arguments?.TryGetValue("first", out var first) == true && first.Value is int n ? n : SearchResolver.DefaultFirst, 1, maxFirst)));
    }

    private static SearchHit Hit(GraphQL.IResolveFieldContext context) => (SearchHit)context.Source!;

    private static SearchResults Results(GraphQL.IResolveFieldContext context) => (SearchResults)context.Source!;
}
