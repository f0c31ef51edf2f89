using MedTour.Cms.Modules.Admin;
using MedTour.Cms.Modules.Admin.Shell;
using MedTour.Cms.Modules.Workflows.Engine;
using MedTour.Cms.Modules.Workflows.Model;
using Microsoft.AspNetCore.Http;

namespace MedTour.Cms.Modules.WorkflowsAdmin;

/// <summary>
/// The workflow type editor's handlers. Posted JSON that does not parse, changes the type's id or fails the activity
/// catalogue's checks is never saved (400, each problem listed, naming the activity); a valid change is saved as the
/// next version, so running instances keep the version they started on. Enabling and disabling save a version too.
/// </summary>
internal static partial class WorkflowTypeEndpoints
{
    public const string NewPath = "/admin/workflows/new";

    public static IResult New() =>
        Page(new WorkflowTypeForm(string.Empty, null, WorkflowTypeJson.Format(WorkflowTypeJson.Starter())), null, StatusCodes.Status200OK, isNew: true);

    /// <summary>A new type: the same checks as an edit, plus an id of its own (letters, digits, '-' and '_') that no type has.</summary>
    public static async Task<IResult> CreateAsync(HttpContext http, AdminRequest admin, WorkflowTypeStore store, WorkflowTypeValidator validator)
    {
        var json = (await http.Request.ReadFormAsync())["json"].ToString().ReplaceLineEndings("\n");
        var (type, error) = WorkflowTypeJson.Parse(json);
        var errors = new FormErrors();
        if (type is null)
        {
            errors.Add("json", error!);
        }
        else if (string.IsNullOrEmpty(type.WorkflowTypeId) || !TypeId().IsMatch(type.WorkflowTypeId))
        {
            errors.Add("json", admin.T("WorkflowTypeId is required: up to 64 letters, digits, '-' or '_'."));
        }
        else if (await store.FindAsync(type.WorkflowTypeId) is not null)
        {
            errors.Add("json", admin.T("A workflow type {0} exists already.", type.WorkflowTypeId));
        }
        else
        {
            foreach (var problem in validator.Validate(type))
            {
                errors.Add("json", problem);
            }
        }

        if (errors.Any)
        {
            return Page(new WorkflowTypeForm(string.Empty, null, json), errors, StatusCodes.Status400BadRequest, isNew: true);
        }

        await store.SaveAsync(type!);
        return AdminResults.RedirectWithFlash(admin, EditPath(type!.WorkflowTypeId), admin.T("{0} saved as version {1}. Running instances keep the version they started on.", type.Name, 1));
    }

    public static async Task<IResult> EditAsync(string id, HttpContext http, WorkflowTypeStore store)
    {
        int? version = int.TryParse(http.Request.Query["version"], out var v) ? v : null;
        if (await store.FindAsync(id, version) is not { } type)
        {
            return Results.NotFound();
        }

        return Page(new WorkflowTypeForm(id, version, WorkflowTypeJson.Format(type)), null, StatusCodes.Status200OK);
    }

    public static async Task<IResult> SaveAsync(string id, HttpContext http, AdminRequest admin, WorkflowTypeStore store, WorkflowTypeValidator validator)
    {
        if (await store.FindAsync(id) is null)
        {
            return Results.NotFound();
        }

        var json = (await http.Request.ReadFormAsync())["json"].ToString().ReplaceLineEndings("\n");
        var posted = new WorkflowTypeForm(id, null, json);
        var (type, error) = WorkflowTypeJson.Parse(json);
        var errors = new FormErrors();
        if (type is null)
        {
            errors.Add("json", error!);
        }
        else if (type.WorkflowTypeId != id)
        {
            errors.Add("json", admin.T("WorkflowTypeId must stay {0}: a new id would be another workflow type.", id));
        }
        else
        {
            foreach (var problem in validator.Validate(type))
            {
                errors.Add("json", problem);
            }
        }

        if (errors.Any)
        {
            return Page(posted, errors, StatusCodes.Status400BadRequest);
        }

        var before = (await store.FindAsync(id))!.Version;
        var saved = await store.SaveAsync(type!);
        return AdminResults.RedirectWithFlash(admin, EditPath(id), saved == before
            ? admin.T("Nothing changed; {0} stays at version {1}.", type!.Name, saved)
            : admin.T("{0} saved as version {1}. Running instances keep the version they started on.", type!.Name, saved));
    }

    public static Task<IResult> EnableAsync(string id, AdminRequest admin, WorkflowTypeStore store) => SetEnabledAsync(id, true, admin, store);

    public static Task<IResult> DisableAsync(string id, AdminRequest admin, WorkflowTypeStore store) => SetEnabledAsync(id, false, admin, store);

    private static async Task<IResult> SetEnabledAsync(string id, bool enabled, AdminRequest admin, WorkflowTypeStore store)
    {
        if (await store.FindAsync(id) is not { } latest)
        {
            return Results.NotFound();
        }

        // A copy: the store's document is cached and shared, never changed in place.
        var (copy, _) = WorkflowTypeJson.Parse(WorkflowTypeJson.Format(latest));
        copy!.IsEnabled = enabled;
        var version = await store.SaveAsync(copy);
        return AdminResults.RedirectWithFlash(admin, EditPath(id), enabled
            ? admin.T("{0} is enabled (version {1}): its events start new instances.", latest.Name, version)
            : admin.T("{0} is disabled (version {1}): no new instance starts; running ones go on.", latest.Name, version));
    }

    public static string EditPath(string id) => "/admin/workflows/types/" + Uri.EscapeDataString(id);

    private static IResult Page(WorkflowTypeForm form, FormErrors? errors, int status, bool isNew = false) =>
        AdminResults.Page<WorkflowTypePage>(new Dictionary<string, object?> { ["Form"] = form, ["Errors"] = errors, ["IsNew"] = isNew }, status);

    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial System.Text.RegularExpressions.Regex TypeId();
}
