using MedTour.Cms.Modules.Admin;
using MedTour.Cms.Modules.Roles;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Modules.Inbox;

/// <summary>
/// The coordinators' inbox: the consultation requests a user may work (their own as a coordinator, all of the site's
/// with <c>ViewAllConsultations</c>), each request's decrypted answers, files, history, notes, status and assignment.
/// </summary>
public static class InboxModule
{
    public static IServiceCollection AddInboxModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<InboxOptions>().Bind(configuration.GetSection("MedTour:Inbox"));
        services.AddScoped<CoordinatorDirectory>();
        services.AddScoped<InboxAccess>();
        services.AddScoped<SubmissionSecrets>();
        services.AddScoped<InboxQuery>();
        services.AddScoped<InboxRequests>();
        services.AddScoped<InboxActions>();
        services.AddAdminMenuItem(new AdminMenuItem("Inbox", "/inbox", AdminPermissions.ViewOwnConsultations, 5));
        return services;
    }

    public static IEndpointRouteBuilder MapInbox(this IEndpointRouteBuilder endpoints)
    {
        // Every consultation role holds ViewOwnConsultations; what each sees inside is narrowed by InboxAccess.
        var inbox = endpoints.MapAdminArea("/inbox", AdminPermissions.ViewOwnConsultations);
        inbox.MapGet("", InboxEndpoints.ListAsync).WithName("Inbox");
        inbox.MapGet("/take", InboxActionEndpoints.TakeAsync).WithName("InboxTake");
        inbox.MapGet("/{reference}", InboxEndpoints.RequestAsync).WithName("InboxRequest");
        inbox.MapGet("/{reference}/files/{id:long}", InboxEndpoints.DownloadAsync).WithName("InboxFile");
        inbox.MapPost("/{reference}/status", InboxActionEndpoints.StatusAsync).WithName("InboxStatus");
        inbox.MapPost("/{reference}/notes", InboxActionEndpoints.NoteAsync).WithName("InboxNote");
        inbox.MapPost("/{reference}/acknowledge", InboxActionEndpoints.AcknowledgeAsync).WithName("InboxAcknowledge");
        inbox.MapPost("/{reference}/assign", InboxActionEndpoints.AssignAsync).WithName("InboxAssign")
            .RequirePermission(AdminPermissions.ViewAllConsultations);
        return endpoints;
    }
}
