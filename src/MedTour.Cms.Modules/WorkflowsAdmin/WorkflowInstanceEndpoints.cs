using MedTour.Cms.Data;
using MedTour.Cms.Modules.Admin;
using MedTour.Cms.Modules.Admin.Shell;
using MedTour.Cms.Modules.Workflows.Model;
using MedTour.Cms.Modules.Workflows.Runtime;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace MedTour.Cms.Modules.WorkflowsAdmin;

/// <summary>The instances list (by status and type), one instance's journal, and the retry of a faulted one.</summary>
internal static class WorkflowInstanceEndpoints
{
    public static IResult List(HttpContext http)
    {
        var query = http.Request.Query;
        var status = query["status"].ToString();
        var filter = new WorkflowInstanceFilter(
            Enum.TryParse<WorkflowStatus>(status, ignoreCase: false, out var s) ? s.ToString() : null,
            query["type"].ToString() is { Length: > 0 } type ? type : null,
            int.TryParse(query["page"], out var page) && page > 0 ? page : 1);
        return AdminResults.Page<WorkflowInstancesPage>(new Dictionary<string, object?> { ["Filter"] = filter });
    }

    public static async Task<IResult> ShowAsync(long id, CmsDbContext db) =>
        await db.WorkflowInstances.AsNoTracking().AnyAsync(i => i.Id == id)
            ? Page(id, null, StatusCodes.Status200OK)
            : Results.NotFound();

    public static async Task<IResult> RetryAsync(long id, AdminRequest admin, CmsDbContext db, WorkflowRuntime runtime)
    {
        var record = await db.WorkflowInstances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id);
        if (record is null)
        {
            return Results.NotFound();
        }

        if (record.Status != nameof(WorkflowStatus.Faulted))
        {
            // Only a faulted instance has an activity to run again; anything else is already running or done.
            return Conflict(id, admin.T("Only a faulted instance can be retried; this one is {0}.", admin.T(record.Status)));
        }

        // The runtime claims the instance first and reads it fresh: false when another run holds it or it is no longer faulted.
        if (!await runtime.RetryAsync(record.WorkflowId))
        {
            return Conflict(id, admin.T("The instance is being run or is no longer faulted; it was not retried."));
        }

        var status = await db.WorkflowInstances.AsNoTracking().Where(i => i.Id == id).Select(i => i.Status).FirstAsync();
        return AdminResults.RedirectWithFlash(admin, $"/admin/workflows/instances/{id}", admin.T("Instance retried; it is now {0}.", admin.T(status)));
    }

    private static IResult Conflict(long id, string message) =>
        Page(id, new FormErrors().Add("status", message), StatusCodes.Status409Conflict);

    private static IResult Page(long id, FormErrors? errors, int status) =>
        AdminResults.Page<WorkflowInstancePage>(new Dictionary<string, object?> { ["Id"] = id, ["Errors"] = errors }, status);
}

/// <summary>The instances list's filters and page.</summary>
public sealed record WorkflowInstanceFilter(string? Status, string? WorkflowTypeId, int Page)
{
    public const int PageSize = 50;
}
