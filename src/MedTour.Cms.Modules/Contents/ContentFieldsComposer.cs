using System.Text.Json.Nodes;
using MedTour.Cms.Content.Definitions;
using MedTour.Cms.Display;

namespace MedTour.Cms.Modules.Contents;

/// <summary>
/// The text-like fields of an item, in its type's order, for views that show any type (the theme's generic
/// <c>Content</c> view): <c>Model.Fields</c>, each with <c>Name</c>, <c>DisplayName</c>, <c>Type</c> and either
/// <c>Html</c> (HtmlField as sanitized on save, MarkdownField rendered and sanitized) or <c>Text</c> (TextField).
/// </summary>
public sealed class ContentFieldsComposer(ContentDefinitionManager definitions, MarkdownRenderer markdown) : IContentPageComposer
{
    public bool AppliesTo(string contentType) => true;

    public async Task ComposeAsync(ContentPageContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var definition = await definitions.GetAsync();
        if (context.Term is not null || definition.FindType(context.Item.ContentType) is not { } type)
        {
            return;
        }

        var fields = new List<Dictionary<string, object?>>();
        foreach (var typePart in type.ContentTypePartDefinitionRecords)
        {
            var partJson = context.Item.FindPart(typePart.Name);
            foreach (var field in definition.FindPart(typePart.PartName)?.ContentPartFieldDefinitionRecords ?? [])
            {
                var (property, html) = field.FieldName switch
                {
                    "MarkdownField" => ("Markdown", true),
                    "HtmlField" => ("Html", true),
                    "TextField" => ("Text", false),
                    _ => (null, false),
                };
                if (property is null || partJson?[field.Name]?[property] is not JsonValue value || !value.TryGetValue<string>(out var text) || text.Length == 0)
                {
                    continue;
                }

                fields.Add(new Dictionary<string, object?>
                {
                    ["Part"] = typePart.Name,
                    ["Name"] = field.Name,
                    ["DisplayName"] = field.DisplayName,
                    ["Type"] = field.FieldName,
                    ["Html"] = !html ? null : field.FieldName == "MarkdownField" ? markdown.ToHtml(text) : text,
                    ["Text"] = html ? null : text,
                });
            }
        }

        context.Model["Fields"] = fields;
    }
}
