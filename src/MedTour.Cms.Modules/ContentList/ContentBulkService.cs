using System.Security.Claims;
using MedTour.Cms.Content;
using MedTour.Cms.Modules.Roles;

namespace MedTour.Cms.Modules.ContentList;

/// <summary>
/// Bulk publish, unpublish and delete: each item checked against the user's per-type permission (and ownership),
/// then changed on its own (one transaction each, so one refused or conflicting item does not undo the others). Scoped.
/// </summary>
public sealed class ContentBulkService(ContentManager content, UserPermissions permissions)
{
    public const int MaxItems = 200;

    /// <summary>The items as the confirmation step shows them; ids of no current item are left out.</summary>
    public async Task<IReadOnlyList<BulkItem>> CheckAsync(ClaimsPrincipal user, ContentBulkAction action, IReadOnlyCollection<string> ids)
    {
        var items = await content.GetManyAsync(ids, VersionOptions.Latest);
        var checkedItems = new List<BulkItem>(items.Count);
        foreach (var item in items)
        {
            var allowed = await permissions.CanAsync(user, action.Verb(), item.ContentType, item.Owner);
            // An id posted by hand must not reveal the title of a draft the user may not even see.
            if (!allowed && !item.Published && !await permissions.CanAsync(user, ContentVerb.Preview, item.ContentType, item.Owner))
            {
                continue;
            }

            checkedItems.Add(new BulkItem(item.ContentItemId, item.ContentType, item.DisplayText, allowed));
        }

        return checkedItems;
    }

    /// <summary>Does the action to every allowed item; returns how many were changed and how many were not (refused or failing).</summary>
    public async Task<(int Done, int Refused)> RunAsync(ClaimsPrincipal user, ContentBulkAction action, IReadOnlyCollection<string> ids)
    {
        var done = 0;
        var refused = ids.Count;
        foreach (var item in await CheckAsync(user, action, ids))
        {
            if (!item.Allowed)
            {
                continue;
            }

            var latest = await content.GetAsync(item.ContentItemId, VersionOptions.Latest);
            if (latest is null)
            {
                continue;
            }

            try
            {
                await (action switch
                {
                    ContentBulkAction.Publish => content.PublishAsync(latest),
                    ContentBulkAction.Unpublish => content.UnpublishAsync(latest),
                    _ => content.RemoveAsync(latest),
                });
                refused--;
                done++;
            }
            catch (Exception e) when (e is ContentValidationException or ContentConcurrencyException)
            {
                // Counted with the refused: e.g. its path is taken by another published item, or someone changed it meanwhile.
            }
        }

        return (done, refused);
    }
}
