using MedTour.Cms.Content;
using MedTour.Cms.Modules.Contents;
using MedTour.Cms.Modules.Seo;

namespace MedTour.Cms.Modules.MedTour.Pages;

/// <summary>An article with its medical author and editor, conditions, treatments, clinics and doctors; a MedicalWebPage.</summary>
public sealed class ArticlePage(SiteItems items) : IContentPageComposer
{
    public bool AppliesTo(string contentType) => contentType == "Article";

    public async Task ComposeAsync(ContentPageContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var article = context.Item.FindPart("Article");
        var authors = await items.LoadAsync(SiteItems.Ids(article?["MedicalAuthor"]));
        var editors = await items.LoadAsync(SiteItems.Ids(article?["MedicalEditor"]));
        var conditions = await items.PickedTermsAsync(article?["Conditions"]);
        context.Model["Authors"] = authors;
        context.Model["Editors"] = editors;
        context.Model["Conditions"] = conditions;
        context.Model["Treatments"] = await items.LoadAsync(SiteItems.Ids(article?["Treatments"]));
        context.Model["Clinics"] = await items.LoadAsync(SiteItems.Ids(article?["RelatedClinics"]));
        context.Model["Doctors"] = await items.LoadAsync(SiteItems.Ids(article?["RelatedDoctors"]));
        context.Description = SiteItems.Text(article?["Summary"]);

        var url = context.PageUrl;
        context.SetBreadcrumbs(conditions.FirstOrDefault() is { } condition && condition["Url"] is string conditionUrl
            ? [((string)condition["DisplayText"]!, context.Origin + conditionUrl)]
            : []);
        var page = SchemaOrg.Thing("MedicalWebPage", context.Item.DisplayText, url);
        page["description"] = context.Description;
        page["inLanguage"] = Content.Parts.AutoroutePartHandler.CultureOf(context.Item);
        // Stored dates may be any parseable form ("2024-5-1"): schema.org wants ISO 8601.
        page["lastReviewed"] = article?["LastReviewed"]?["Value"].AsText() is { } reviewed && Content.Fields.ContentFieldType.TryParseDate(reviewed, out var date)
            ? date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
            : null;
        page["datePublished"] = context.Item.PublishedUtc?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        page["author"] = authors.Select(Person).ToList();
        page["reviewedBy"] = editors.Select(Person).ToList();
        page["about"] = conditions.Select(c => new Dictionary<string, object?> { ["@type"] = "MedicalCondition", ["name"] = c["DisplayText"] }).ToList();
        if (SiteItems.MediaPath(article?["HeroImage"]) is { } hero)
        {
            page["image"] = context.AbsoluteUrl("media/" + hero);
        }

        context.StructuredData.Add(SchemaOrg.Without(page));
        context.StructuredData.Add(SchemaOrg.BreadcrumbList(context.Breadcrumbs));
    }

    private static Dictionary<string, object?> Person(Dictionary<string, object?> person) =>
        SchemaOrg.Person((string)person["DisplayText"]!, person["Url"] as string, PersonCredentials(person));

    private static string? PersonCredentials(Dictionary<string, object?> person) =>
        (person["Content"] as Dictionary<string, object?>)?.GetValueOrDefault("Person") is Dictionary<string, object?> part
        && part.GetValueOrDefault("Credentials") is Dictionary<string, object?> credentials ? credentials.GetValueOrDefault("Text") as string : null;
}
