namespace MedTour.Cms.Modules.Graph.Query;

/// <summary>The arguments of one list field (<c>article(where:, orderBy:, first:, skip:, status:)</c>), checked.</summary>
public sealed record ListArguments(
    string ContentType,
    IDictionary<string, object?>? Where,
    IDictionary<string, object?>? OrderBy,
    int First,
    int Skip,
    ItemStatus Status)
{
    /// <summary>A stable text of the arguments, for the cache of published id lists.</summary>
    public string CacheKey() =>
        $"gql:{ContentType}:{First}:{Skip}:{System.Text.Json.JsonSerializer.Serialize(Where)}:{System.Text.Json.JsonSerializer.Serialize(OrderBy)}";
}
