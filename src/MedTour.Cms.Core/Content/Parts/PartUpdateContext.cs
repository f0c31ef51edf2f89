using System.Text.Json.Nodes;
using MedTour.Cms.Content.Definitions;

namespace MedTour.Cms.Content.Parts;

/// <summary>One part of one item being saved. Errors name the part and property (<c>AutoroutePart.Path</c>).</summary>
public sealed class PartUpdateContext(ContentItem item, ContentTypePartDefinition typePart, List<ContentValidationError> errors)
{
    public ContentItem Item { get; } = item;
    public ContentTypePartDefinition TypePart { get; } = typePart;
    public JsonObject Part => Item.Part(TypePart.Name);

    public void Error(string property, string message) => errors.Add(new ContentValidationError($"{TypePart.Name}.{property}", message));

    public string? GetString(string property) => Part[property] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
