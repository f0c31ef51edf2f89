using MedTour.Cms.Modules.Search.Querying;
using Microsoft.AspNetCore.Http;

namespace MedTour.Cms.Modules.Search.Pages;

/// <summary>Reads <c>q, type, country, specialty, page</c> the same way for the page and the JSON API.</summary>
public static class SearchQueryString
{
    public static readonly string[] Keys = ["q", "type", "country", "specialty", "page"];

    /// <summary>The request, or the name of the parameter that is not a valid value.</summary>
    public static (SearchRequest? Request, string? Problem) Read(HttpContext http, string culture)
    {
        ArgumentNullException.ThrowIfNull(http);
        var query = http.Request.Query;
        var pageText = query["page"].ToString();
        var page = 1;
        if (pageText.Length > 0 && (!int.TryParse(pageText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out page) || page < 1 || page > SearchService.MaxPage))
        {
            return (null, $"page: a page from 1 to {SearchService.MaxPage}.");
        }

        static string? Value(string text) => text.Length is 0 or > 100 ? null : text;
        return (new SearchRequest(query["q"].ToString(), culture, Value(query["type"].ToString()), Value(query["country"].ToString()), Value(query["specialty"].ToString()), page), null);
    }

    /// <summary>A link to the same search with one parameter changed (null removes it); the page goes back to 1 unless it is what changes.</summary>
    public static string With(SearchRequest request, string baseUrl, string key, string? value)
    {
        ArgumentNullException.ThrowIfNull(request);
        var values = new Dictionary<string, string?>
        {
            ["q"] = request.Query,
            ["type"] = request.Type,
            ["country"] = request.Country,
            ["specialty"] = request.Specialty,
        };
        values[key] = value;
        if (key == "page")
        {
            values["page"] = value;
        }

        return baseUrl + QueryString.Create(values.Where(v => !string.IsNullOrEmpty(v.Value))).ToUriComponent();
    }
}
