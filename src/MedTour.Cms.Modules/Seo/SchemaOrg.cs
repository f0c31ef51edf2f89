namespace MedTour.Cms.Modules.Seo;

/// <summary>schema.org objects as plain dictionaries, serialized into the page's JSON-LD.</summary>
public static class SchemaOrg
{
    public const string Context = "https://schema.org";

    public static Dictionary<string, object?> Thing(string type, string name, string? url = null)
    {
        var thing = new Dictionary<string, object?> { ["@context"] = Context, ["@type"] = type, ["name"] = name };
        if (url is not null)
        {
            thing["url"] = url;
        }

        return thing;
    }

    public static Dictionary<string, object?> Person(string name, string? url, string? jobTitle) =>
        Without(new() { ["@type"] = "Person", ["name"] = name, ["url"] = url, ["jobTitle"] = jobTitle });

    public static Dictionary<string, object?> BreadcrumbList(IReadOnlyList<(string Name, string Url)> crumbs) => new()
    {
        ["@context"] = Context,
        ["@type"] = "BreadcrumbList",
        ["itemListElement"] = crumbs.Select((c, i) => new Dictionary<string, object?>
        {
            ["@type"] = "ListItem",
            ["position"] = i + 1,
            ["name"] = c.Name,
            ["item"] = c.Url,
        }).ToList(),
    };

    /// <summary>Drops null members so the JSON stays clean.</summary>
    public static Dictionary<string, object?> Without(Dictionary<string, object?> thing)
    {
        ArgumentNullException.ThrowIfNull(thing);
        foreach (var key in thing.Where(p => p.Value is null).Select(p => p.Key).ToList())
        {
            thing.Remove(key);
        }

        return thing;
    }
}
