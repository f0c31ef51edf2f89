using System.Text.Json.Nodes;
using MedTour.Cms.Content.Definitions;
using MedTour.Cms.Content.Fields;
using MedTour.Cms.Content.Parts;
using Ganss.Xss;

namespace MedTour.Cms.Content;

/// <summary>
/// Drops the parts the type does not declare and the values of fields its parts no longer declare, runs the part handlers and checks every field of an item against its type definition (shape, required),
/// sanitizing HTML fields. Collects every error before throwing, each naming its field. Scoped.
/// </summary>
public sealed class ContentValidator(IEnumerable<IContentPartHandler> partHandlers, ContentFieldTypes fieldTypes, IHtmlSanitizer sanitizer, PendingContentItems pending)
{
    private readonly Dictionary<string, IContentPartHandler> _handlers = partHandlers.ToDictionary(h => h.PartName, StringComparer.Ordinal);

    public bool IsKnownPart(string partName) => _handlers.ContainsKey(partName);

    public async Task ValidateAsync(ContentItem item, ContentDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(definition);
        var type = definition.FindType(item.ContentType)
            ?? throw new ContentValidationException([new ContentValidationError("ContentType", $"content type '{item.ContentType}' is not defined.")]);

        DeclaredParts.Strip(item, type);
        DeclaredFields.Strip(item, type, definition, IsKnownPart);
        pending.Add(item);
        var errors = new List<ContentValidationError>();
        foreach (var typePart in type.ContentTypePartDefinitionRecords.OrderBy(p => _handlers.GetValueOrDefault(p.PartName)?.Order ?? 0))
        {
            if (_handlers.TryGetValue(typePart.PartName, out var handler))
            {
                await handler.UpdatingAsync(new PartUpdateContext(item, typePart, errors));
            }

            if (definition.FindPart(typePart.PartName) is { } part)
            {
                CheckFields(item, typePart.Name, part, errors);
            }
        }

        if (errors.Count > 0)
        {
            throw new ContentValidationException(errors);
        }
    }

    private void CheckFields(ContentItem item, string partName, ContentPartDefinition part, List<ContentValidationError> errors)
    {
        var partJson = item.FindPart(partName);
        foreach (var field in part.ContentPartFieldDefinitionRecords)
        {
            var name = $"{partName}.{field.Name}";
            var fieldType = fieldTypes.Find(field.FieldName);
            var node = partJson?[field.Name];
            if (fieldType is null)
            {
                continue;
            }

            if (node is not null and not JsonObject)
            {
                errors.Add(new ContentValidationError(name, $"expected a {field.FieldName} object such as {{\"{fieldType.ValueProperty}\": …}}."));
                continue;
            }

            var fieldJson = node as JsonObject;
            if (fieldJson is not null && fieldType.CheckShape(fieldJson) is { } problem)
            {
                errors.Add(new ContentValidationError(name, problem));
                continue;
            }

            if (field.Required && !fieldType.HasValue(fieldJson))
            {
                errors.Add(new ContentValidationError(name, $"{field.DisplayName} is required."));
                continue;
            }

            if (fieldType.IsHtml && fieldJson?[fieldType.ValueProperty] is JsonValue html)
            {
                fieldJson[fieldType.ValueProperty] = sanitizer.Sanitize(html.GetValue<string>());
            }
        }
    }
}
