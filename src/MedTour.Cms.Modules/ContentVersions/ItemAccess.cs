using MedTour.Cms.Content;
using MedTour.Cms.Modules.Admin;
using MedTour.Cms.Modules.Admin.Shell;
using MedTour.Cms.Modules.Roles;
using Microsoft.AspNetCore.Http;

namespace MedTour.Cms.Modules.Versions;

/// <summary>Finds the item an endpoint is about and checks the user's per-type permission on it: 404 or 403 pages otherwise.</summary>
internal static class ItemAccess
{
    /// <summary>The latest version (or, for a removed item, its last one: its history is still shown), or the result to answer with.</summary>
    public static async Task<(ContentItem? Item, IResult? Denied)> FindAsync(string id, ContentVerb verb, AdminRequest admin, ContentManager content, ContentHistory history)
    {
        var item = await content.GetAsync(id, VersionOptions.Latest);
        if (item is null && id.Length <= 64)
        {
            var versions = await history.VersionsAsync(id);
            item = versions.Count > 0 ? versions[^1] : null;
        }

        if (item is null)
        {
            return (null, AdminResults.Page<ItemNotFoundPage>(new Dictionary<string, object?> { ["Id"] = id }, StatusCodes.Status404NotFound));
        }

        return await admin.CanAsync(verb, item.ContentType, item.Owner)
            ? (item, null)
            : (null, AdminResults.Page<ForbiddenPage>(statusCode: StatusCodes.Status403Forbidden));
    }
}
