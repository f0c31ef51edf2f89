namespace MedTour.Cms.Modules.Graph.Tokens;

/// <summary>What an API token may read.</summary>
public static class ApiTokenScopes
{
    public const string ReadPublished = "read:published";
    public const string ReadDrafts = "read:drafts";

    public static readonly string[] All = [ReadPublished, ReadDrafts];
}
