namespace MedTour.Cms.Modules.Graph.Query;

/// <summary>What the caller may read: published content only, or drafts too (an API token with <c>read:drafts</c>).</summary>
public enum ReadScope
{
    Published,
    Drafts,
}

/// <summary>Orchard's <c>status</c> argument.</summary>
public enum ItemStatus
{
    Published,
    Draft,
    Latest,
    All,
}
