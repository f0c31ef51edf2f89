using MedTour.Cms.Content.Definitions;

namespace MedTour.Cms.Modules.Roles;

/// <summary>What may be done to content items.</summary>
public enum ContentVerb
{
    Create,
    EditOwn,
    Edit,
    Publish,
    Delete,
    Preview,
    PreviewOwn,
}

/// <summary>
/// Per-type content permissions as Orchard names them (<c>Edit_Article</c>, <c>EditOwn_Article</c>,
/// <c>Publish_Article</c>…), each implied by its global form (<c>EditContent</c>…) so an Editor role needs no list of types.
/// </summary>
public static class ContentPermissions
{
    private const string Category = "Content";

    public static readonly Permission CreateContent = new("CreateContent", "Create content of every type", Category);
    public static readonly Permission EditOwnContent = new("EditOwnContent", "Edit own content of every type", Category);
    public static readonly Permission EditContent = new("EditContent", "Edit all content", Category);
    public static readonly Permission PublishContent = new("PublishContent", "Publish and unpublish all content", Category);
    public static readonly Permission DeleteContent = new("DeleteContent", "Delete content", Category);
    public static readonly Permission PreviewContent = new("PreviewContent", "Preview drafts", Category);
    public static readonly Permission PreviewOwnContent = new("PreviewOwnContent", "Preview own drafts", Category);

    public static IReadOnlyList<Permission> AllGlobal { get; } = [CreateContent, EditOwnContent, EditContent, PublishContent, DeleteContent, PreviewContent, PreviewOwnContent];

    public static Permission Global(ContentVerb verb) => verb switch
    {
        ContentVerb.Create => CreateContent,
        ContentVerb.EditOwn => EditOwnContent,
        ContentVerb.Edit => EditContent,
        ContentVerb.Publish => PublishContent,
        ContentVerb.Delete => DeleteContent,
        ContentVerb.PreviewOwn => PreviewOwnContent,
        _ => PreviewContent,
    };

    /// <summary>The permission for one verb on one type, e.g. <c>Publish_Article</c>.</summary>
    public static Permission ForType(ContentVerb verb, string contentType)
    {
        ArgumentException.ThrowIfNullOrEmpty(contentType);
        var global = Global(verb);
        return new($"{verb}_{contentType}", $"{global.Description.Replace("all content", contentType, StringComparison.Ordinal)} ({contentType})",
            Category, [global.Name]);
    }

    /// <summary>Is <paramref name="name"/> a content permission: a global one or a per-type one (<c>Verb_Type</c>)?</summary>
    public static bool IsContentPermission(string name) =>
        AllGlobal.Any(p => p.Name == name)
        || Enum.GetNames<ContentVerb>().Any(verb => name.Length > verb.Length + 1 && name.StartsWith(verb + "_", StringComparison.Ordinal));

    public static IEnumerable<Permission> ForType(string contentType) => Enum.GetValues<ContentVerb>().Select(v => ForType(v, contentType));
}

/// <summary>The global content permissions and one set per content type of the tenant.</summary>
public sealed class ContentPermissionProvider(ContentDefinitionManager definitions) : IPermissionProvider
{
    public async Task<IEnumerable<Permission>> GetPermissionsAsync(CancellationToken cancellationToken = default)
    {
        var definition = await definitions.GetAsync(cancellationToken);
        return ContentPermissions.AllGlobal.Concat(definition.ContentTypeDefinitionRecords
            .OrderBy(t => t.Name, StringComparer.Ordinal).SelectMany(t => ContentPermissions.ForType(t.Name)));
    }
}
