using System.Text.Json.Nodes;
using MedTour.Cms.Content;

namespace MedTour.Cms.Tests.Infrastructure;

/// <summary>Builds valid MedTour items for tests (the required fields filled in).</summary>
public static class Articles
{
    public static ContentItem New(string title, string? path = null, string culture = "en", string author = "eu-person-01") => new()
    {
        ContentType = "Article",
        ContentItemId = "test-" + Guid.NewGuid().ToString("N")[..16],
        Content = new JsonObject
        {
            ["TitlePart"] = new JsonObject { ["Title"] = title },
            ["AutoroutePart"] = new JsonObject { ["Path"] = path },
            ["LocalizationPart"] = new JsonObject { ["Culture"] = culture },
            ["Article"] = new JsonObject
            {
                ["Summary"] = new JsonObject { ["Text"] = "Summary of " + title },
                ["MedicalAuthor"] = new JsonObject { ["ContentItemIds"] = new JsonArray(author) },
            },
            ["HtmlBodyPart"] = new JsonObject { ["Html"] = $"<p>{title} body</p>" },
        },
    };

    public static string UniquePath(string stem) => $"{stem}-{Guid.NewGuid().ToString("N")[..8]}";
}
