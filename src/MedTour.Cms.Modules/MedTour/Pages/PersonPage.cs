using MedTour.Cms.Modules.Contents;
using MedTour.Cms.Modules.Seo;

namespace MedTour.Cms.Modules.MedTour.Pages;

/// <summary>A medical author or editor with the articles they wrote or reviewed.</summary>
public sealed class PersonPage(SiteItems items, Display.PageCulture culture) : IContentPageComposer
{
    public bool AppliesTo(string contentType) => contentType == "Person";

    public async Task ComposeAsync(ContentPageContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var id = context.Item.ContentItemId;
        var c = culture.Name;
        context.Model["Written"] = await items.ListAsync($"written:{c}:{id}", q => q.Query().OfType("Article").WhereCulture(c).WhereField("Article", "MedicalAuthor", f => f.Text == id).OrderBy(x => x.DisplayText).ListAsync(take: 50));
        context.Model["Reviewed"] = await items.ListAsync($"reviewed:{c}:{id}", q => q.Query().OfType("Article").WhereCulture(c).WhereField("Article", "MedicalEditor", f => f.Text == id).OrderBy(x => x.DisplayText).ListAsync(take: 50));
        var person = context.Item.FindPart("Person");
        context.Description = $"{context.Item.DisplayText}, {SiteItems.Text(person?["Credentials"])}";
        context.SetBreadcrumbs();
        context.StructuredData.Add(SchemaOrg.Without(new(SchemaOrg.Person(context.Item.DisplayText, context.PageUrl, SiteItems.Text(person?["Credentials"]))) { ["@context"] = SchemaOrg.Context }));
        context.StructuredData.Add(SchemaOrg.BreadcrumbList(context.Breadcrumbs));
    }
}
