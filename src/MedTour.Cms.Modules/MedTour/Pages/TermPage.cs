using MedTour.Cms.Display;
using MedTour.Cms.Modules.Contents;
using MedTour.Cms.Modules.Seo;
using MedTour.Cms.Tenancy;

namespace MedTour.Cms.Modules.MedTour.Pages;

/// <summary>A condition, country or specialty: the articles (paginated), clinics and doctors tagged with it.</summary>
public sealed class TermPage(SiteItems items, PageCulture culture, CacheTags tags, CurrentTenant tenant) : IContentPageComposer
{
    private const int PageSize = 10;

    public bool AppliesTo(string contentType) => contentType is "Condition" or "Country" or "Specialty";

    public async Task ComposeAsync(ContentPageContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var termId = (string)context.Term!["ContentItemId"]!;
        foreach (var type in new[] { "Article", "Clinic", "Doctor" })
        {
            tags.Add(CacheTags.Type(tenant.Name, type));
        }

        var c = culture.Name;
        var key = $"term:{c}:{termId}";
        var total = await items.Published.CountAsync(key, q => q.Query().OfType("Article").WhereCulture(c).WherePicked(termId).CountAsync());
        var pager = Pager.Create(context.Http, total, PageSize);
        context.Model["Pager"] = pager.Model;
        context.Model["Articles"] = await items.ListAsync($"{key}:page{pager.Page}", q => q.Query().OfType("Article").WhereCulture(c).WherePicked(termId).OrderBy(x => x.DisplayText).ListAsync(pager.Skip, PageSize));
        context.Model["Clinics"] = await items.ListAsync($"term-clinics:{termId}", q => q.Query().OfType("Clinic").WherePicked(termId).OrderBy(x => x.DisplayText).ListAsync(take: 24));
        context.Model["Doctors"] = await items.ListAsync($"term-doctors:{termId}", q => q.Query().OfType("Doctor").WherePicked(termId).OrderBy(x => x.DisplayText).ListAsync(take: 24));
        context.Model["Taxonomy"] = LiquidModel.From(context.Item);
        context.Description = $"{context.Term["DisplayText"]} · {context.Item.DisplayText}";

        context.SetBreadcrumbs();
        context.StructuredData.Add(SchemaOrg.BreadcrumbList(context.Breadcrumbs));
    }
}
