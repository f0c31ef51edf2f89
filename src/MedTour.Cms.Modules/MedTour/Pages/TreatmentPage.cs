using MedTour.Cms.Modules.Contents;
using MedTour.Cms.Modules.Seo;

namespace MedTour.Cms.Modules.MedTour.Pages;

/// <summary>A treatment with the countries and clinics where it is offered, and the articles about it.</summary>
public sealed class TreatmentPage(SiteItems items) : IContentPageComposer
{
    public bool AppliesTo(string contentType) => contentType == "Treatment";

    public async Task ComposeAsync(ContentPageContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var id = context.Item.ContentItemId;
        var treatment = context.Item.FindPart("Treatment");
        context.Model["Countries"] = await items.PickedTermsAsync(treatment?["Countries"]);
        context.Model["Clinics"] = await items.ListAsync($"treatment-clinics:{id}", q => q.Query().OfType("Clinic").WhereField("Clinic", "Treatments", f => f.Text == id).OrderBy(x => x.DisplayText).ListAsync(take: 50));
        context.Model["Articles"] = await items.ListAsync($"treatment-articles:{id}", q => q.Query().OfType("Article").WhereField("Article", "Treatments", f => f.Text == id).OrderBy(x => x.DisplayText).ListAsync(take: 20));
        context.Description = SiteItems.Text(treatment?["Summary"]);

        var url = context.PageUrl;
        context.SetBreadcrumbs(("Treatments", context.AbsoluteUrl("treatments")));
        var page = SchemaOrg.Thing("MedicalWebPage", context.Item.DisplayText, url);
        page["description"] = context.Description;
        page["about"] = new Dictionary<string, object?> { ["@type"] = "MedicalTherapy", ["name"] = context.Item.DisplayText };
        context.StructuredData.Add(SchemaOrg.Without(page));
        context.StructuredData.Add(SchemaOrg.BreadcrumbList(context.Breadcrumbs));
    }
}
