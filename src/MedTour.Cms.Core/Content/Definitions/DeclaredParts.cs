namespace MedTour.Cms.Content.Definitions;

/// <summary>
/// Only the parts a type declares count: a part in an item's JSON that its type does not list is not saved,
/// indexed, routed or shown (an AutoroutePart slipped onto a type without one must not give it a URL).
/// </summary>
public static class DeclaredParts
{
    // Parts welded on by the system rather than declared on the type (Orchard's ContainedPart is added by a list).
    private static readonly HashSet<string> Attached = new(StringComparer.Ordinal) { "ContainedPart" };

    public static bool Declares(this ContentTypeDefinition? type, string partName) =>
        Attached.Contains(partName) || (type?.ContentTypePartDefinitionRecords.Exists(p => p.Name == partName) ?? false);

    /// <summary>The names of the item's parts that its type does not declare.</summary>
    public static IReadOnlyList<string> Undeclared(ContentItem item, ContentTypeDefinition? type)
    {
        ArgumentNullException.ThrowIfNull(item);
        return [.. item.Content.Select(p => p.Key).Where(name => !type.Declares(name))];
    }

    /// <summary>Removes undeclared parts in place (an item being saved).</summary>
    public static void Strip(ContentItem item, ContentTypeDefinition? type)
    {
        foreach (var name in Undeclared(item, type))
        {
            item.Content.Remove(name);
        }
    }

    /// <summary>The item itself when every part is declared, else a copy without the others (a stored item being shown).</summary>
    public static ContentItem OnlyDeclared(ContentItem item, ContentDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var type = definition.FindType(item.ContentType);
        if (Undeclared(item, type).Count == 0)
        {
            return item;
        }

        var copy = item.CloneVersion();
        Strip(copy, type);
        return copy;
    }
}
