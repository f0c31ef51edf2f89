using MedTour.Cms.Content;
using MedTour.Cms.Modules.Admin;
using MedTour.Cms.Modules.Roles;

namespace MedTour.Cms.Modules.ContentEditor.Editing;

/// <summary>What the signed-in user may do to one item (or, before it exists, to its type): Orchard's per-type rules, own vs all.</summary>
public sealed record EditorPermissions(bool Edit, bool Publish, bool Delete, bool Preview, bool Create)
{
    public static async Task<EditorPermissions> ForAsync(AdminRequest admin, string contentType, ContentItem? item)
    {
        ArgumentNullException.ThrowIfNull(admin);
        var owner = item?.Owner;
        return new EditorPermissions(
            Edit: item is not null && await admin.CanAsync(ContentVerb.Edit, contentType, owner),
            Publish: await admin.CanAsync(ContentVerb.Publish, contentType, owner),
            Delete: item is not null && await admin.CanAsync(ContentVerb.Delete, contentType, owner),
            Preview: item is not null && await admin.CanAsync(ContentVerb.Preview, contentType, owner),
            Create: await admin.CanAsync(ContentVerb.Create, contentType, null));
    }
}
