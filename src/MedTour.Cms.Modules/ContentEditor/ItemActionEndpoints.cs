using MedTour.Cms.Content;
using MedTour.Cms.Modules.Admin;
using MedTour.Cms.Modules.ContentEditor.Editing;
using MedTour.Cms.Modules.ContentEditor.Pages;
using Microsoft.AspNetCore.Http;

namespace MedTour.Cms.Modules.ContentEditor;

/// <summary>Unpublish, discard the draft, clone and delete one item, each checked against the user's permission on its type.</summary>
internal static class ItemActionEndpoints
{
    public static Task<IResult> UnpublishAsync(string id, ContentManager content, AdminRequest admin) =>
        WithItemAsync(id, content, admin, p => p.Publish, async item =>
        {
            await content.UnpublishAsync(item);
            return AdminResults.RedirectWithFlash(admin, $"/admin/content/{id}/edit", admin.T("Unpublished."));
        });

    public static Task<IResult> DiscardAsync(string id, ContentManager content, AdminRequest admin) =>
        WithItemAsync(id, content, admin, p => p.Edit, async item =>
        {
            if (item.Published)
            {
                return AdminResults.RedirectWithFlash(admin, $"/admin/content/{id}/edit", admin.T("There is no draft to discard."));
            }

            try
            {
                await content.DiscardDraftAsync(item);
            }
            catch (ContentValidationException)
            {
                return AdminResults.RedirectWithFlash(admin, $"/admin/content/{id}/edit", admin.T("This item has never been published; delete it instead."));
            }

            return AdminResults.RedirectWithFlash(admin, $"/admin/content/{id}/edit", admin.T("Draft discarded."));
        });

    public static Task<IResult> CloneAsync(string id, ContentManager content, AdminRequest admin) =>
        WithItemAsync(id, content, admin, p => p.Edit && p.Create, async item =>
        {
            var clone = item.CloneVersion();
            clone.ContentItemId = ContentIds.New();
            clone.CreatedUtc = null;
            clone.Owner = admin.UserName;
            clone.Author = admin.UserName;
            clone.FindPart("AutoroutePart")?.Remove("Path");
            clone.FindPart("LocalizationPart")?.Remove("LocalizationSet");
            await content.CreateAsync(clone, VersionOptions.Draft);
            return AdminResults.RedirectWithFlash(admin, $"/admin/content/{clone.ContentItemId}/edit", admin.T("Copy saved as a draft."));
        });

    public static Task<IResult> DeleteFormAsync(string id, ContentManager content, AdminRequest admin) =>
        WithItemAsync(id, content, admin, p => p.Delete, item => Task.FromResult(AdminResults.Page<DeletePage>(new Dictionary<string, object?>
        {
            ["ContentItemId"] = item.ContentItemId,
            ["Title"] = item.DisplayText,
        })));

    public static async Task<IResult> DeleteAsync(string id, HttpContext http, ContentManager content, AdminRequest admin)
    {
        var form = await http.Request.ReadFormAsync();
        return await WithItemAsync(id, content, admin, p => p.Delete, async item =>
        {
            if (form["confirm"] != "yes")
            {
                return Results.Redirect(admin.Url($"/admin/content/{id}/delete"));
            }

            await content.RemoveAsync(item);
            return AdminResults.RedirectWithFlash(admin, "/admin/content", admin.T("Deleted."));
        });
    }

    /// <summary>The item's latest version if the user holds <paramref name="allowed"/> on it (404 / 403 otherwise).</summary>
    private static async Task<IResult> WithItemAsync(string id, ContentManager content, AdminRequest admin, Func<EditorPermissions, bool> allowed, Func<ContentItem, Task<IResult>> action)
    {
        if (await content.GetAsync(id, VersionOptions.Latest) is not { } item)
        {
            return AdminResults.Page<NotFoundPage>(statusCode: StatusCodes.Status404NotFound);
        }

        if (!allowed(await EditorPermissions.ForAsync(admin, item.ContentType, item)))
        {
            return AdminResults.Page<Admin.Shell.ForbiddenPage>(statusCode: StatusCodes.Status403Forbidden);
        }

        return await action(item);
    }
}
