using System.Net.Mime;
using MedTour.Cms.Modules.Admin;
using MedTour.Cms.Modules.Admin.Shell;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace MedTour.Cms.Modules.Inbox;

/// <summary>The inbox's pages: the list, a request, a file download.</summary>
internal static class InboxEndpoints
{
    public static async Task<IResult> ListAsync(HttpContext http, AdminRequest admin, InboxAccess access, CoordinatorDirectory coordinators, InboxQuery query)
    {
        var viewer = await access.ViewerAsync(admin.User, http.RequestAborted);
        var all = await coordinators.AllAsync(http.RequestAborted);
        var errors = new FormErrors();
        var filter = InboxFilter.Parse(http.Request.Query, all, admin, errors);
        var parameters = new Dictionary<string, object?> { ["Filter"] = filter, ["Coordinators"] = all, ["Viewer"] = viewer, ["Errors"] = errors };
        if (errors.Any)
        {
            return AdminResults.Page<InboxListPage>(parameters, StatusCodes.Status400BadRequest);
        }

        parameters["Result"] = await query.ListAsync(filter, viewer, all, http.RequestAborted);
        return AdminResults.Page<InboxListPage>(parameters);
    }

    public static async Task<IResult> RequestAsync(string reference, HttpContext http, AdminRequest admin, InboxAccess access, InboxQuery query, InboxRequests requests)
    {
        var viewer = await access.ViewerAsync(admin.User, http.RequestAborted);
        if (await query.FindAsync(reference, viewer, http.RequestAborted) is not { } submission)
        {
            return NotFound();
        }

        return AdminResults.Page<InboxRequestPage>(new Dictionary<string, object?> { ["View"] = await requests.ViewAsync(submission, viewer, http.RequestAborted) });
    }

    /// <summary>Always an attachment of an opaque type (never rendered by the browser), and recorded before it is sent.</summary>
    public static async Task<IResult> DownloadAsync(string reference, long id, HttpContext http, AdminRequest admin, InboxAccess access, InboxQuery query,
        SubmissionSecrets secrets, InboxActions actions, Data.CmsDbContext db)
    {
        var viewer = await access.ViewerAsync(admin.User, http.RequestAborted);
        if (await query.FindAsync(reference, viewer, http.RequestAborted) is not { } submission)
        {
            return NotFound();
        }

        var file = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstOrDefaultAsync(
            db.SubmissionFiles, f => f.Id == id && f.SubmissionId == submission.Id, http.RequestAborted);
        if (file is null || await secrets.FileBytesAsync(file, http.RequestAborted) is not { } bytes)
        {
            return NotFound();
        }

        await actions.RecordDownloadAsync(submission, file, viewer, http.RequestAborted);
        var disposition = new ContentDispositionHeaderValue(DispositionTypeNames.Attachment);
        disposition.SetHttpFileName(secrets.FileName(file));
        http.Response.Headers.ContentDisposition = disposition.ToString();
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.Bytes(bytes, MediaTypeNames.Application.Octet);
    }

    internal static IResult NotFound() => AdminResults.Page<InboxNotFoundPage>(statusCode: StatusCodes.Status404NotFound);
}
