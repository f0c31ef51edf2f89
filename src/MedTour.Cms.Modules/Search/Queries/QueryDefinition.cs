namespace MedTour.Cms.Modules.Search.Queries;

/// <summary>A named query as Orchard's <c>Queries</c> step declares it (only <c>Source: "Lucene"</c> runs here).</summary>
public sealed class QueryDefinition
{
    public const string DocumentName = "Search.Queries";

    public string Name { get; set; } = string.Empty;
    public string Source { get; set; } = "Lucene";
    public string Index { get; set; } = "Search";
    public string Template { get; set; } = "{}";
    public bool ReturnContentItems { get; set; }
    public string? Schema { get; set; }
}
