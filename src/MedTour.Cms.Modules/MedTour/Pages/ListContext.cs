using MedTour.Cms.Content;
using MedTour.Cms.Display;
using MedTour.Cms.Modules.Contents;
using MedTour.Cms.Tenancy;
using Microsoft.AspNetCore.Http;

namespace MedTour.Cms.Modules.MedTour.Pages;

/// <summary>What every list page needs, resolved once per request. Scoped.</summary>
public sealed class ListContext(ContentQueryFactory queries, SiteItems items, PageRenderer renderer, PageCulture culture, CacheTags tags, CurrentTenant tenant)
{
    public ContentQueryFactory Queries { get; } = queries;
    public SiteItems Items { get; } = items;
    public PageRenderer Renderer { get; } = renderer;
    public PageCulture Culture { get; } = culture;
    public CacheTags Tags { get; } = tags;
    public CurrentTenant Tenant { get; } = tenant;

    public async Task<IResult> RenderAsync(HttpContext http, string list, string title, ContentQuery query, Action<ContentQuery> order, int pageSize, Dictionary<string, object?> model)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(model);
        var contentType = list.TrimEnd('s');
        Tags.Add(CacheTags.Type(Tenant.Name, contentType));
        var pager = Pager.Create(http, await query.CountAsync(), pageSize);
        order(query);
        model["Items"] = await Items.ModelsAsync(await query.ListAsync(pager.Skip, pageSize));
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
