using MedTour.Cms.Content.Caching;
using MedTour.Cms.Display;

namespace MedTour.Cms.Modules.Forms;

/// <summary>The published form an API post names, by content item id or by its path in the page's culture (REST and GraphQL).</summary>
public static class FormLookup
{
    public static async Task<FormDefinition?> FindAsync(string form, PageCulture culture, PublishedContent published)
    {
        ArgumentNullException.ThrowIfNull(culture);
        ArgumentNullException.ThrowIfNull(published);
        var item = await published.GetAsync(form);
        if (item is null && await published.FindRouteAsync(form, culture.Name) is { ContainedContentItemId: null } target)
        {
            item = await published.GetAsync(target.ContentItemId);
        }

        return item is null ? null : FormDefinition.Of(item);
    }
}
