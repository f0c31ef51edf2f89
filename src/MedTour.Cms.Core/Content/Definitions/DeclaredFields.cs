namespace MedTour.Cms.Content.Definitions;

/// <summary>
/// A field removed from a part's definition keeps its value in the stored items until each item is saved again; the
/// save drops it (Orchard's editors would simply stop writing it). Only parts made of fields alone are pruned (the
/// type's own part, parts defined in the admin or a recipe): a part with code (<c>TitlePart</c>, <c>SeoMetaPart</c>…)
/// has properties of its own that are not fields, so it is left as it is.
/// </summary>
public static class DeclaredFields
{
    /// <summary>Removes, in place, the values of fields the item's parts no longer declare; returns their paths (<c>Note.Mood</c>).</summary>
    public static IReadOnlyList<string> Strip(ContentItem item, ContentTypeDefinition type, ContentDefinition definition, Func<string, bool> partHasCode)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(partHasCode);
        var removed = new List<string>();
        foreach (var typePart in type.ContentTypePartDefinitionRecords)
        {
            if (partHasCode(typePart.PartName) || definition.FindPart(typePart.PartName) is not { } part || item.FindPart(typePart.Name) is not { } json)
            {
                continue;
            }

            var declared = part.ContentPartFieldDefinitionRecords.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
            foreach (var key in json.Select(p => p.Key).Where(k => !declared.Contains(k)).ToList())
            {
                json.Remove(key);
                removed.Add($"{typePart.Name}.{key}");
            }
        }

        return removed;
    }
}
