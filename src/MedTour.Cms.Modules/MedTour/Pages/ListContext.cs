using MedTour.Cms.Content;
using MedTour.Cms.Display;
using MedTour.Cms.Modules.Contents;
using MedTour.Cms.Tenancy;
using Microsoft.AspNetCore.Http;

namespace MedTour.Cms.Modules.MedTour.Pages;

/// <summary>What every list page needs, resolved once per request. Scoped.</summary>
public sealed class ListContext(SiteItems items, PageRenderer renderer, PageCulture culture, CacheTags tags, CurrentTenant tenant, Localization.LanguageNames languages)
{
    public SiteItems Items { get; } = items;
    public PageRenderer Renderer { get; } = renderer;
    public PageCulture Culture { get; } = culture;
    public CacheTags Tags { get; } = tags;
    public CurrentTenant Tenant { get; } = tenant;
    public Localization.LanguageNames Languages { get; } = languages;

    /// <summary>
    /// Renders a list page: <paramref name="build"/> makes the filtered query (once for the count, once for the
    /// page), named by <paramref name="queryKey"/> (the filters) for the published-content cache.
    /// </summary>
    public async Task<IResult> RenderAsync(HttpContext http, string list, string title, string queryKey, Func<ContentQueryFactory, ContentQuery> build,
        Action<ContentQuery> order, int pageSize, Dictionary<string, object?> model)
    {
        ArgumentNullException.ThrowIfNull(build);
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(model);
        Tags.Add(CacheTags.Type(Tenant.Name, list.TrimEnd('s')));
        var total = await Items.Published.CountAsync(queryKey, q => build(q).CountAsync());
        var pager = Pager.Create(http, total, pageSize);
        model["Items"] = await Items.ListAsync($"{queryKey}:page{pager.Page}", q =>
        {
            var query = build(q);
            order(query);
            return query.ListAsync(pager.Skip, pageSize);
        });
        model["Pager"] = pager.Model;
        return await Renderer.RenderAsync(http, new PageModel([$"List-{list}"], model)
        {
            Title = title,
            Canonical = http.Request.PathBase + Culture.Prefix + http.Request.Path + http.Request.QueryString,
        });
    }

    /// <summary>A filter's value, which must be one of the choices (empty means no filter).</summary>
    public static string? Choose(HttpContext http, string parameter, IEnumerable<string> choices)
    {
        ArgumentNullException.ThrowIfNull(http);
        var value = http.Request.Query[parameter].ToString();
        if (value.Length == 0)
        {
            return null;
        }

        return choices.Contains(value, StringComparer.Ordinal)
            ? value
            : throw new PageProblemException(StatusCodes.Status400BadRequest, $"{parameter}: there is no '{(value.Length > 60 ? value[..60] + "…" : value)}' to filter by.");
    }
}
