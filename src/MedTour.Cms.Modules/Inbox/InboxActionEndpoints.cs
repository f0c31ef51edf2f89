using MedTour.Cms.Data.Consultations;
using MedTour.Cms.Modules.Admin;
using MedTour.Cms.Modules.Admin.Shell;
using MedTour.Cms.Modules.Consultations;
using Microsoft.AspNetCore.Http;

namespace MedTour.Cms.Modules.Inbox;

/// <summary>The request page's forms (status, note, reassignment, acknowledgement) and the mail's "I'll take it" link.</summary>
internal static class InboxActionEndpoints
{
    public static Task<IResult> StatusAsync(string reference, HttpContext http, AdminRequest admin, InboxAccess access, InboxQuery query, InboxRequests requests, InboxActions actions) =>
        WithRequestAsync(reference, http, admin, access, query, async (submission, viewer, form) =>
        {
            var status = form["status"].ToString();
            if (!InboxStatuses.CanMove(submission.Status, status))
            {
                return await InvalidAsync(requests, submission, viewer, "status",
                    admin.T("Status: a {0} request cannot become {1}.", StatusText(admin, submission.Status), InboxStatuses.All.Contains(status) ? StatusText(admin, status) : "?"));
            }

            return Outcome(admin, reference, await actions.ChangeStatusAsync(submission, status, viewer, http.RequestAborted),
                admin.T("Status changed to {0}.", StatusText(admin, status)));
        });

    public static Task<IResult> NoteAsync(string reference, HttpContext http, AdminRequest admin, InboxAccess access, InboxQuery query, InboxRequests requests, InboxActions actions) =>
        WithRequestAsync(reference, http, admin, access, query, async (submission, viewer, form) =>
        {
            var text = form["note"].ToString().Trim();
            if (text.Length == 0 || text.Length > InboxActions.MaxNoteLength)
            {
                return await InvalidAsync(requests, submission, viewer, "note", admin.T("Note: write between 1 and {0} characters.", InboxActions.MaxNoteLength));
            }

            await actions.AddNoteAsync(submission, text, viewer, http.RequestAborted);
            return AdminResults.RedirectWithFlash(admin, Path(reference), admin.T("Note added."));
        });

    public static Task<IResult> AssignAsync(string reference, HttpContext http, AdminRequest admin, InboxAccess access, InboxQuery query, InboxRequests requests,
        InboxActions actions, CoordinatorDirectory coordinators) =>
        WithRequestAsync(reference, http, admin, access, query, async (submission, viewer, form) =>
        {
            var target = await coordinators.FindAsync(form["coordinator"].ToString(), http.RequestAborted);
            if (target is not { Active: true })
            {
                return await InvalidAsync(requests, submission, viewer, "coordinator", admin.T("Coordinator: choose an active coordinator of this site."));
            }

            return Outcome(admin, reference, await actions.ReassignAsync(submission, target.Id, viewer, http.RequestAborted),
                admin.T("Handed to {0}.", target.Name));
        });

    /// <summary>The "I'll take it" button: only the assigned coordinator (or any coordinator, for an unassigned request).</summary>
    public static Task<IResult> AcknowledgeAsync(string reference, HttpContext http, AdminRequest admin, InboxAccess access, InboxQuery query, InboxActions actions) =>
        WithRequestAsync(reference, http, admin, access, query, async (submission, viewer, _) =>
        {
            if (viewer.CoordinatorId is not { } me || (submission.CoordinatorId is not null && submission.CoordinatorId != me))
            {
                return AdminResults.Page<InboxMessagePage>(new Dictionary<string, object?>
                {
                    ["Title"] = admin.T("Not your request"), ["Message"] = admin.T("Only the coordinator it is assigned to can take this request."),
                }, StatusCodes.Status403Forbidden);
            }

            return Outcome(admin, reference, await actions.AcknowledgeAsync(submission, me, viewer.UserName, http.RequestAborted), admin.T("You have taken this request."));
        });

    /// <summary>
    /// <c>GET /admin/inbox/take?t=…</c> from a coordinator's mail: the signed token names the request and the coordinator;
    /// it acknowledges only when the signed-in user is that coordinator. A GET that changes state, acceptable because the
    /// token is unguessable, bound to this tenant and user, and the change is idempotent.
    /// </summary>
    public static async Task<IResult> TakeAsync(HttpContext http, AdminRequest admin, InboxAccess access, InboxQuery query, InboxActions actions, TakeLinks links)
    {
        if (links.Read(http.Request.Query["t"].ToString()) is not { } link)
        {
            return Message(admin, StatusCodes.Status400BadRequest, admin.T("Link not valid"), admin.T("t: this link is not valid or has expired. Open the request from the inbox."));
        }

        var viewer = await access.ViewerAsync(admin.User, http.RequestAborted);
        if (viewer.CoordinatorId != link.CoordinatorId)
        {
            return Message(admin, StatusCodes.Status403Forbidden, admin.T("Not your link"), admin.T("This link was sent to another coordinator."));
        }

        // The coordinator may see their own requests and unassigned ones named in their own link.
        var everyone = viewer with { SeesAll = true };
        if (await query.FindAsync(link.Reference, everyone, http.RequestAborted) is not { } submission)
        {
            return InboxEndpoints.NotFound();
        }

        return await actions.AcknowledgeAsync(submission, link.CoordinatorId, viewer.UserName, http.RequestAborted) switch
        {
            InboxChange.Conflict => Message(admin, StatusCodes.Status409Conflict, admin.T("Already taken"), admin.T("A colleague has this request now.")),
            _ => AdminResults.RedirectWithFlash(admin, Path(link.Reference), admin.T("You have taken this request.")),
        };
    }

    private static async Task<IResult> WithRequestAsync(string reference, HttpContext http, AdminRequest admin, InboxAccess access, InboxQuery query,
        Func<SubmissionRecord, InboxViewer, IFormCollection, Task<IResult>> act)
    {
        var viewer = await access.ViewerAsync(admin.User, http.RequestAborted);
        if (await query.FindAsync(reference, viewer, http.RequestAborted) is not { } submission)
        {
            return InboxEndpoints.NotFound();
        }

        return await act(submission, viewer, await http.Request.ReadFormAsync(http.RequestAborted));
    }

    private static async Task<IResult> InvalidAsync(InboxRequests requests, SubmissionRecord submission, InboxViewer viewer, string field, string message) =>
        AdminResults.Page<InboxRequestPage>(new Dictionary<string, object?>
        {
            ["View"] = await requests.ViewAsync(submission, viewer), ["Errors"] = new FormErrors().Add(field, message),
        }, StatusCodes.Status400BadRequest);

    private static IResult Outcome(AdminRequest admin, string reference, InboxChange change, string done) => change switch
    {
        InboxChange.Conflict => Message(admin, StatusCodes.Status409Conflict, admin.T("Changed meanwhile"),
            admin.T("Someone changed this request while you were looking at it. Open it again to see its current state.")),
        _ => AdminResults.RedirectWithFlash(admin, Path(reference), done),
    };

    private static IResult Message(AdminRequest admin, int status, string title, string message) =>
        AdminResults.Page<InboxMessagePage>(new Dictionary<string, object?> { ["Title"] = title, ["Message"] = message }, status);

    private static string Path(string reference) => "/admin/inbox/" + Uri.EscapeDataString(reference);

    internal static string StatusText(AdminRequest admin, string status) => status switch
    {
        InboxStatuses.New => admin.T("New"),
        InboxStatuses.Contacted => admin.T("Contacted"),
        InboxStatuses.Scheduled => admin.T("Scheduled"),
        InboxStatuses.Closed => admin.T("Closed"),
        InboxStatuses.Spam => admin.T("Spam"),
        _ => status,
    };
}
