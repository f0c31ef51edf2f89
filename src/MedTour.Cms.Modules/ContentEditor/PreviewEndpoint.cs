using MedTour.Cms.Content;
using MedTour.Cms.Content.Definitions;
using MedTour.Cms.Display;
using MedTour.Cms.Modules.Admin;
using MedTour.Cms.Modules.ContentEditor.Editing;
using MedTour.Cms.Modules.Contents;
using MedTour.Cms.Tenancy;
using Microsoft.AspNetCore.Http;

namespace MedTour.Cms.Modules.ContentEditor;

/// <summary>
/// The latest version (a draft, usually) rendered in the tenant's public theme at a private admin URL, composed as
/// its public page would be. Only for users who may preview the item; never cached (the admin group sends no-store and
/// the output cache skips /admin) and never indexed (noindex in the page and the header).
/// </summary>
internal static class PreviewEndpoint
{
    public static async Task<IResult> PreviewAsync(string id, HttpContext http, ContentManager content, AdminRequest admin, ContentDefinitionManager definitions,
        PageRenderer renderer, PageCulture culture, CurrentTenant tenant, IEnumerable<IContentPageComposer> composers)
    {
        if (await content.GetAsync(id, VersionOptions.Latest) is not { } latest)
        {
            return EditorEndpoints.NotFound();
        }

        if (!(await EditorPermissions.ForAsync(admin, latest.ContentType, latest)).Preview)
        {
            return EditorEndpoints.Forbidden();
        }

        // Shown as the public page shows items: only the parts the type declares, in the item's own language.
        var item = DeclaredParts.OnlyDeclared(latest, await definitions.GetAsync());
        var itemCulture = Content.Parts.AutoroutePartHandler.CultureOf(item);
        if (itemCulture.Length > 0 && tenant.Settings.Cultures.Contains(itemCulture, StringComparer.OrdinalIgnoreCase))
        {
            culture.Set(itemCulture, itemCulture.Equals(tenant.Settings.DefaultCulture, StringComparison.OrdinalIgnoreCase) ? string.Empty : "/" + itemCulture);
        }

        var page = new ContentPageContext(http, item, term: null) { LastModified = item.ModifiedUtc };
        page.Model["ContentItem"] = LiquidModel.From(item);
        page.Model["Preview"] = true;
        foreach (var composer in composers.Where(c => c.AppliesTo(item.ContentType)))
        {
            await composer.ComposeAsync(page);
        }

        var seo = item.FindPart("SeoMetaPart");
        http.Response.Headers.CacheControl = "no-store";
        return await renderer.RenderAsync(http, new PageModel([$"Content-{item.ContentType}", "Content"], page.Model)
        {
            Title = seo?["PageTitle"].AsText() is { Length: > 0 } title ? title : item.DisplayText,
            Description = seo?["MetaDescription"].AsText() is { Length: > 0 } description ? description : page.Description,
            ContentCulture = itemCulture.Length == 0 ? null : itemCulture,
            StructuredData = page.StructuredData,
            Breadcrumbs = page.Breadcrumbs,
            NoIndex = true,
        });
    }
}
