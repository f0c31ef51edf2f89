namespace MedTour.Cms.Modules.SearchAdmin;

/// <summary>
/// One culture index of the tenant on this host: its documents, the last indexing task it applied, and how far behind
/// the task table it is (tasks not applied yet, and the age of the oldest of them).
/// </summary>
public sealed record SearchIndexStatus(string Culture, int Documents, long LastTask, DateTime? LastAppliedUtc, long LagTasks, double LagSeconds, string? NeedsRebuild);

/// <summary>What the admin page shows and its progress bar polls (<c>/admin/search/status</c>).</summary>
public sealed record SearchStatus(IReadOnlyList<SearchIndexStatus> Indexes, bool Rebuilding, long Done, long Total, int Percent, DateTime? RebuildFinishedUtc);
