using MedTour.Cms.Data;

namespace MedTour.Cms.Modules.Workflows.Model;

/// <summary>
/// The tenant's workflow types, every version kept (a running instance keeps the version it started on), in one cached
/// document. Saving a changed type adds a version; saving it unchanged adds none. Scoped.
/// </summary>
public sealed class WorkflowTypeStore(DocumentStore documents)
{
    public const string DocumentName = "WorkflowTypes";

    public async Task<IReadOnlyList<WorkflowType>> LatestAsync(CancellationToken cancellationToken = default) =>
        (await LoadAsync(cancellationToken)).Versions.GroupBy(t => t.WorkflowTypeId).Select(g => g.MaxBy(t => t.Version)!).OrderBy(t => t.Name, StringComparer.Ordinal).ToList();

    /// <summary>Every version of every type (what running instances may still run on).</summary>
    public async Task<IReadOnlyList<WorkflowType>> AllVersionsAsync(CancellationToken cancellationToken = default) =>
        (await LoadAsync(cancellationToken)).Versions;

    public async Task<WorkflowType?> FindAsync(string workflowTypeId, int? version = null, CancellationToken cancellationToken = default)
    {
        var versions = (await LoadAsync(cancellationToken)).Versions.Where(t => t.WorkflowTypeId == workflowTypeId);
        return version is { } v ? versions.FirstOrDefault(t => t.Version == v) : versions.MaxBy(t => t.Version);
    }

    public async Task<IReadOnlyList<WorkflowType>> VersionsAsync(string workflowTypeId, CancellationToken cancellationToken = default) =>
        (await LoadAsync(cancellationToken)).Versions.Where(t => t.WorkflowTypeId == workflowTypeId).OrderByDescending(t => t.Version).ToList();

    /// <summary>Saves <paramref name="type"/> as its next version; returns the version it has.</summary>
    public async Task<int> SaveAsync(WorkflowType type, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(type);
        var document = await LoadAsync(cancellationToken);
        var latest = document.Versions.Where(t => t.WorkflowTypeId == type.WorkflowTypeId).MaxBy(t => t.Version);
        type.Version = latest?.Version ?? 0;
        if (latest is not null && System.Text.Json.JsonSerializer.Serialize(latest) == System.Text.Json.JsonSerializer.Serialize(type))
        {
            return latest.Version;
        }

        type.Version++;
        var copy = new WorkflowTypesDocument { Versions = [.. document.Versions, type] };
        await documents.SaveAsync(DocumentName, copy, cancellationToken);
        return type.Version;
    }

    private async Task<WorkflowTypesDocument> LoadAsync(CancellationToken cancellationToken) =>
        await documents.GetAsync<WorkflowTypesDocument>(DocumentName, cancellationToken) ?? new WorkflowTypesDocument();
}

/// <summary>Every version of every workflow type of a tenant.</summary>
public sealed class WorkflowTypesDocument
{
    public List<WorkflowType> Versions { get; set; } = [];
}
