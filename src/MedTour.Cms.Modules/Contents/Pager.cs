using System.Globalization;
using Microsoft.AspNetCore.Http;
using MedTour.Cms.Display;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Modules.Contents;

/// <summary>The <c>page</c> query parameter of a list: checked, and turned into links that keep the other parameters.</summary>
public sealed class Pager
{
    private Pager(int page, int pages, int pageSize, int total, HttpRequest request)
    {
        Page = page;
        Skip = (page - 1) * pageSize;
        Model = new Dictionary<string, object?>
        {
            ["Page"] = page,
            ["Pages"] = pages,
            ["Total"] = total,
            ["Previous"] = page > 1 ? Link(request, page - 1) : null,
            ["Next"] = page < pages ? Link(request, page + 1) : null,
        };
    }

    public int Page { get; }
    public int Skip { get; }
    public Dictionary<string, object?> Model { get; }

    public static Pager Create(HttpContext http, int total, int pageSize)
    {
        ArgumentNullException.ThrowIfNull(http);
        var pages = Math.Max(1, (total + pageSize - 1) / pageSize);
        var page = Requested(http);
        if (page > pages)
        {
            throw new PageProblemException(StatusCodes.Status404NotFound, $"page: there are only {pages} pages.");
        }

        return new Pager(page, pages, pageSize, total, http.Request);
    }

    /// <summary>The requested page number (1 when absent); 400 when it is not one.</summary>
    public static int Requested(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var raw = http.Request.Query["page"].ToString();
        if (raw.Length == 0)
        {
            return 1;
        }

        if (!int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var page) || page < 1)
        {
            throw new PageProblemException(StatusCodes.Status400BadRequest, $"page: '{(raw.Length > 60 ? raw[..60] + "…" : raw)}' is not a page number.");
        }

        // "007" is page 7: served, but not stored under a key of its own.
        if (raw != page.ToString(CultureInfo.InvariantCulture))
        {
            PageQuery.DoNotStore(http);
        }

        return page;
    }

    private static string Link(HttpRequest request, int page)
    {
        var query = request.Query.Where(q => q.Key != "page").ToDictionary(q => q.Key, q => (string?)q.Value.ToString());
        if (page > 1)
        {
            query["page"] = page.ToString(CultureInfo.InvariantCulture);
        }

        var culture = request.HttpContext.RequestServices.GetRequiredService<PageCulture>();
        return QueryHelpers.AddQueryString(request.PathBase + culture.Prefix + request.Path, query);
    }
}
