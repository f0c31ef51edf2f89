using MedTour.Cms.Modules.Search.Querying;

namespace MedTour.Cms.Modules.Search.Pages;

/// <summary>The Liquid model of the search page: hits with links, facets with links that add or remove a filter, pager links.</summary>
public static class SearchPageModel
{
    public static Dictionary<string, object?> Build(SearchResults results, SearchRequest request, string baseUrl, string pathBase)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(request);
        var facets = new Dictionary<string, object?>();
        foreach (var (name, values) in results.Facets)
        {
            facets[name] = values.Select(v => new Dictionary<string, object?>
            {
                ["Value"] = v.Value,
                ["Label"] = v.Label,
                ["Count"] = v.Count,
                ["Selected"] = v.Selected,
                ["Url"] = SearchQueryString.With(request, baseUrl, name, v.Selected ? null : v.Value),
            }).ToList();
        }

        var pages = new List<Dictionary<string, object?>>();
        for (var page = Math.Max(1, results.Page - 4); page <= Math.Min(results.PageCount, results.Page + 4); page++)
        {
            pages.Add(new() { ["Number"] = page, ["Url"] = SearchQueryString.With(request, baseUrl, "page", page.ToString(System.Globalization.CultureInfo.InvariantCulture)), ["Current"] = page == results.Page });
        }

        return new Dictionary<string, object?>
        {
            ["Query"] = results.Query,
            ["Total"] = results.Total,
            ["Fuzzy"] = results.Fuzzy,
            ["SomeWords"] = results.SomeWords,
            ["Problem"] = results.Problem,
            ["Searched"] = results.Query.Length > 0,
            ["Filtered"] = request.Type is not null || request.Country is not null || request.Specialty is not null,
            ["Type"] = request.Type,
            ["Country"] = request.Country,
            ["Specialty"] = request.Specialty,
            ["ClearUrl"] = baseUrl + "?q=" + Uri.EscapeDataString(results.Query),
            ["Hits"] = results.Hits.Select(h => new Dictionary<string, object?>
            {
                ["Title"] = h.Title,
                ["TitleHtml"] = h.TitleHtml,
                ["Snippet"] = h.SnippetHtml,
                ["Type"] = h.ContentType,
                ["Url"] = h.Path is null ? null : pathBase + "/" + h.Path,
            }).ToList(),
            ["Facets"] = facets,
            ["Pages"] = pages,
            ["PageCount"] = results.PageCount,
            ["Page"] = results.Page,
            ["PreviousUrl"] = results.Page > 1 && results.Page <= results.PageCount ? SearchQueryString.With(request, baseUrl, "page", (results.Page - 1).ToString(System.Globalization.CultureInfo.InvariantCulture)) : null,
            ["NextUrl"] = results.Page < results.PageCount ? SearchQueryString.With(request, baseUrl, "page", (results.Page + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)) : null,
        };
    }
}
