using MedTour.Cms.Content.Definitions;
using MedTour.Cms.Modules.Admin;
using MedTour.Cms.Modules.Admin.Shell;
using MedTour.Cms.Modules.Roles;
using Microsoft.AspNetCore.Http;

namespace MedTour.Cms.Modules.ContentList;

internal static class ContentListEndpoints
{
    public static async Task<IResult> ListAsync(HttpContext http, AdminRequest admin, ContentDefinitionManager definitions, UserPermissions permissions, ContentListQuery query)
    {
        var types = await TypesAsync(definitions, http.RequestAborted);
        var errors = new FormErrors();
        var filter = ContentListFilter.Parse(http.Request.Query, types, admin.Tenant.Cultures, admin, errors);
        var parameters = new Dictionary<string, object?> { ["Filter"] = filter, ["Types"] = types, ["Errors"] = errors };
        if (errors.Any)
        {
            return AdminResults.Page<ContentListPage>(parameters, StatusCodes.Status400BadRequest);
        }

        var visibility = await ContentVisibility.ForAsync(admin.User, types, permissions, http.RequestAborted);
        parameters["Result"] = await query.ListAsync(filter, visibility, types, http.RequestAborted);
        return AdminResults.Page<ContentListPage>(parameters);
    }

    /// <summary>The confirmation step: what will happen to which items, and which of them this user may not change.</summary>
    public static async Task<IResult> ConfirmBulkAsync(HttpContext http, AdminRequest admin, ContentBulkService bulk)
    {
        var (action, ids, returnUrl, errors) = await ReadAsync(http, admin);
        if (errors.Any)
        {
            return AdminResults.Page<BulkConfirmPage>(new Dictionary<string, object?> { ["Errors"] = errors, ["ReturnUrl"] = returnUrl }, StatusCodes.Status400BadRequest);
        }

        var items = await bulk.CheckAsync(admin.User, action, ids);
        return AdminResults.Page<BulkConfirmPage>(new Dictionary<string, object?> { ["Action"] = action, ["Items"] = items, ["ReturnUrl"] = returnUrl });
    }

    public static async Task<IResult> RunBulkAsync(HttpContext http, AdminRequest admin, ContentBulkService bulk)
    {
        var (action, ids, returnUrl, errors) = await ReadAsync(http, admin);
        if (!errors.Any && (await http.Request.ReadFormAsync())["confirmed"].ToString() != "yes")
        {
            errors.Add("confirmed", admin.T("Confirm: tick the box to confirm."));
        }

        if (errors.Any)
        {
            var items = errors.For("ids") is null && errors.For("action") is null ? await bulk.CheckAsync(admin.User, action, ids) : [];
            return AdminResults.Page<BulkConfirmPage>(new Dictionary<string, object?>
            {
                ["Errors"] = errors, ["Action"] = action, ["Items"] = items, ["ReturnUrl"] = returnUrl,
            }, StatusCodes.Status400BadRequest);
        }

        var (done, skipped) = await bulk.RunAsync(admin.User, action, ids);
        var message = action switch
        {
            ContentBulkAction.Publish => admin.T("Published {0} items.", done),
            ContentBulkAction.Unpublish => admin.T("Unpublished {0} items.", done),
            _ => admin.T("Deleted {0} items.", done),
        };
        if (skipped > 0)
        {
            message += " " + admin.T("{0} items were not changed (not allowed, or changed meanwhile).", skipped);
        }

        return AdminResults.RedirectWithFlash(admin, returnUrl, message);
    }

    private static async Task<(ContentBulkAction Action, IReadOnlyList<string> Ids, string ReturnUrl, FormErrors Errors)> ReadAsync(HttpContext http, AdminRequest admin)
    {
        var form = await http.Request.ReadFormAsync();
        var errors = new FormErrors();
        if (!ContentBulkActions.TryParse(form["action"].ToString(), out var action))
        {
            errors.Add("action", admin.T("Action: choose publish, unpublish or delete."));
        }

        var ids = form["ids"].Select(i => i?.Trim()).OfType<string>().Where(i => i.Length is > 0 and <= 64).Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0)
        {
            errors.Add("ids", admin.T("Items: select at least one item."));
        }
        else if (ids.Count > ContentBulkService.MaxItems)
        {
            errors.Add("ids", admin.T("Items: at most {0} at a time.", ContentBulkService.MaxItems));
        }

        // Back to the list the user came from (with its filters): only a path of this admin, never another site.
        var back = form["returnUrl"].ToString();
        var returnUrl = back.StartsWith("/admin/content", StringComparison.Ordinal) && !back.Contains("//", StringComparison.Ordinal) && !back.Contains('\\', StringComparison.Ordinal)
            ? back : "/admin/content";
        return (action, ids, returnUrl, errors);
    }

    private static async Task<IReadOnlyList<string>> TypesAsync(ContentDefinitionManager definitions, CancellationToken cancellationToken) =>
        [.. (await definitions.GetAsync(cancellationToken)).ContentTypeDefinitionRecords.Select(t => t.Name).Order(StringComparer.Ordinal)];
}
