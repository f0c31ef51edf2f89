using MedTour.Cms.Content;

namespace MedTour.Cms.Modules.Inbox;

/// <summary>
/// The tenant's published Coordinator items, read once per request. A signed-in user <em>is</em> the coordinator whose
/// item's e-mail equals the user's e-mail (ADR 0027): the item is what routing assigns, the user is who signs in. Scoped.
/// </summary>
public sealed class CoordinatorDirectory(ContentQueryFactory queries)
{
    public const string ContentType = "Coordinator";
    private const int MaxCoordinators = 1000;

    private IReadOnlyList<InboxCoordinator>? _all;

    public async Task<IReadOnlyList<InboxCoordinator>> AllAsync(CancellationToken cancellationToken = default)
    {
        if (_all is null)
        {
            var items = await queries.Query().OfType(ContentType).WithStatus(VersionOptions.Published).ListAsync(0, MaxCoordinators, cancellationToken);
            _all = [.. items.Select(ToCoordinator).OrderBy(c => c.Name, StringComparer.CurrentCulture)];
        }

        return _all;
    }

    public async Task<InboxCoordinator?> FindAsync(string? id, CancellationToken cancellationToken = default) =>
        id is null ? null : (await AllAsync(cancellationToken)).FirstOrDefault(c => c.Id == id);

    /// <summary>The coordinator item of this e-mail (case-insensitive), or null when the user is no coordinator here.</summary>
    public async Task<InboxCoordinator?> FindByEmailAsync(string? email, CancellationToken cancellationToken = default) =>
        string.IsNullOrWhiteSpace(email) ? null
            : (await AllAsync(cancellationToken)).FirstOrDefault(c => string.Equals(c.Email, email.Trim(), StringComparison.OrdinalIgnoreCase));

    private static InboxCoordinator ToCoordinator(ContentItem item)
    {
        var part = item.FindPart(ContentType);
        var email = part?["Email"]?["Text"]?.GetValue<string>() ?? string.Empty;
        var active = part?["Active"]?["Value"]?.GetValue<bool>() ?? true;
        var name = string.IsNullOrWhiteSpace(item.DisplayText) ? email : item.DisplayText;
        return new InboxCoordinator(item.ContentItemId, name, email.Trim(), active);
    }
}
