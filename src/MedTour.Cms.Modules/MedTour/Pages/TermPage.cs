using MedTour.Cms.Content;
using MedTour.Cms.Display;
using MedTour.Cms.Modules.Contents;
using MedTour.Cms.Modules.Seo;
using MedTour.Cms.Tenancy;

namespace MedTour.Cms.Modules.MedTour.Pages;

/// <summary>A condition, country or specialty: the articles (paginated), clinics and doctors tagged with it.</summary>
public sealed class TermPage(SiteItems items, ContentQueryFactory queries, PageCulture culture, CacheTags tags, CurrentTenant tenant) : IContentPageComposer
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

        var articles = queries.Query().OfType("Article").WhereCulture(culture.Name).WherePicked(termId);
        var pager = Pager.Create(context.Http, await articles.CountAsync(), PageSize);
        context.Model["Pager"] = pager.Model;
        context.Model["Articles"] = await items.ModelsAsync(await articles.OrderBy(x => x.DisplayText).ListAsync(pager.Skip, PageSize));
        context.Model["Clinics"] = await items.ModelsAsync(await queries.Query().OfType("Clinic").WherePicked(termId).OrderBy(x => x.DisplayText).ListAsync(take: 24));
        context.Model["Doctors"] = await items.ModelsAsync(await queries.Query().OfType("Doctor").WherePicked(termId).OrderBy(x => x.DisplayText).ListAsync(take: 24));
        context.Model["Taxonomy"] = LiquidModel.From(context.Item);
        context.Description = $"{context.Term["DisplayText"]} · {context.Item.DisplayText}";

        context.SetBreadcrumbs();
        context.StructuredData.Add(SchemaOrg.BreadcrumbList(context.Breadcrumbs));
    }
}
