using MedTour.Cms.Content;
using MedTour.Cms.Modules.Admin;
using MedTour.Cms.Modules.Admin.Shell;
using MedTour.Cms.Modules.AuditTrail;
using MedTour.Cms.Modules.Roles;
using Microsoft.AspNetCore.Http;

namespace MedTour.Cms.Modules.Versions;

internal static class VersionEndpoints
{
    /// <summary>Who may edit an item may read its history, compare and restore its versions.</summary>
    private const ContentVerb Verb = ContentVerb.Edit;

    public static async Task<IResult> HistoryAsync(string id, AdminRequest admin, ContentManager content, ContentHistory history, AuditTrailQuery audit)
    {
        var (item, denied) = await ItemAccess.FindAsync(id, Verb, admin, content, history);
        if (denied is not null)
        {
            return denied;
        }

        return AdminResults.Page<VersionHistoryPage>(new Dictionary<string, object?>
        {
            ["Item"] = item,
            ["Versions"] = await history.VersionsAsync(id),
            ["Events"] = await audit.OfItemAsync(id),
        });
    }

    public static async Task<IResult> DiffAsync(string id, HttpContext http, AdminRequest admin, ContentManager content, ContentHistory history)
    {
        var (item, denied) = await ItemAccess.FindAsync(id, Verb, admin, content, history);
        if (denied is not null)
        {
            return denied;
        }

        var versions = await history.VersionsAsync(id);
        var errors = new FormErrors();
        var from = Find(versions, http.Request.Query["from"].ToString(), "from", admin, errors);
        var to = Find(versions, http.Request.Query["to"].ToString(), "to", admin, errors);
        var parameters = new Dictionary<string, object?> { ["Item"] = item, ["Versions"] = versions, ["Errors"] = errors, ["From"] = from, ["To"] = to };
        if (errors.Any || from is null || to is null)
        {
            return AdminResults.Page<VersionDiffPage>(parameters, StatusCodes.Status400BadRequest);
        }

        parameters["Rows"] = FieldDiff.Compare(from, to);
        return AdminResults.Page<VersionDiffPage>(parameters);
    }

    public static async Task<IResult> RestoreAsync(string id, HttpContext http, AdminRequest admin, ContentManager content, ContentHistory history, ContentRestore restore)
    {
        var (item, denied) = await ItemAccess.FindAsync(id, Verb, admin, content, history);
        if (denied is not null)
        {
            return denied;
        }

        var form = await http.Request.ReadFormAsync();
        var version = form["version"].ToString();
        var errors = new FormErrors();
        if (version.Length == 0 || await history.VersionAsync(id, version) is null)
        {
            errors.Add("version", admin.T("Version: choose a version of this item."));
        }
        else if (!item!.Latest)
        {
            errors.Add("version", admin.T("Version: a deleted item cannot be restored here."));
        }
        else
        {
            try
            {
                var draft = await restore.RestoreAsync(id, version, admin.UserName);
                if (draft is not null)
                {
                    return AdminResults.RedirectWithFlash(admin, $"/admin/content/{id}/versions", admin.T("The version was restored as a new draft."));
                }

                errors.Add("version", admin.T("Version: choose a version of this item."));
            }
            catch (ContentValidationException e)
            {
                foreach (var error in e.Errors)
                {
                    errors.Add("version", $"{error.Field}: {error.Message}");
                }
            }
            catch (ContentConcurrencyException)
            {
                errors.Add("version", admin.T("Version: the item was changed meanwhile; try again."));
            }
        }

        return AdminResults.Page<VersionHistoryPage>(new Dictionary<string, object?>
        {
            ["Item"] = item, ["Versions"] = await history.VersionsAsync(id), ["Errors"] = errors,
        }, StatusCodes.Status400BadRequest);
    }

    private static ContentItem? Find(IReadOnlyList<ContentItem> versions, string versionId, string field, AdminRequest admin, FormErrors errors)
    {
        var found = versions.FirstOrDefault(v => v.ContentItemVersionId == versionId);
        if (found is null)
        {
            errors.Add(field, versionId.Length == 0
                ? admin.T("{0}: choose a version.", field == "from" ? admin.T("Older version") : admin.T("Newer version"))
                : admin.T("{0}: '{1}' is not a version of this item.", field == "from" ? admin.T("Older version") : admin.T("Newer version"), versionId));
        }

        return found;
    }
}
