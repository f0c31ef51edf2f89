namespace MedTour.Cms.Modules.Search.Lucene;

/// <summary>
/// Field names of a search document. The <c>Content.ContentItem.*</c> names are Orchard's, so Orchard-style queries
/// (the <c>queries</c> recipe step) run unchanged; the others feed the search page.
/// </summary>
public static class SearchFields
{
    public const string ContentItemId = "ContentItemId";
    public const string ContentItemVersionId = "ContentItemVersionId";
    public const string ContentType = "Content.ContentItem.ContentType";
    public const string DisplayText = "Content.ContentItem.DisplayText";
    public const string DisplayTextKeyword = "Content.ContentItem.DisplayText.keyword";
    public const string Published = "Content.ContentItem.Published";
    public const string Latest = "Content.ContentItem.Latest";
    public const string CreatedUtc = "Content.ContentItem.CreatedUtc";
    public const string ModifiedUtc = "Content.ContentItem.ModifiedUtc";
    public const string PublishedUtc = "Content.ContentItem.PublishedUtc";
    public const string Owner = "Content.ContentItem.Owner";
    public const string Author = "Content.ContentItem.Author";
    public const string FullText = "Content.ContentItem.FullText";
    public const string Culture = "Content.LocalizationPart.Culture";

    public const string Title = "Title";
    public const string Summary = "Summary";
    public const string Body = "Body";
    public const string Terms = "Terms";
    public const string Url = "Url";
    public const string Country = "Country";
    public const string Specialty = "Specialty";

    /// <summary>Facet values are stored as "id␟label" doc values, so counts come with their labels.</summary>
    public const char FacetSeparator = '\u001F';

    public static string FacetField(string facet) => "facet." + facet;
}
