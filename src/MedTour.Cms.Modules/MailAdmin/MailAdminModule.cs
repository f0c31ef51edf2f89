using MedTour.Cms.Modules.Admin;
using MedTour.Cms.Modules.Roles;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MedTour.Cms.Modules.MailAdmin;

/// <summary>
/// <c>/admin/mail</c>: the tenant's SMTP settings (password encrypted), a test e-mail through the outbox, the dead
/// letters with "retry", and, outside Production, the pickup folder's <c>.eml</c> files.
/// </summary>
public static class MailAdminModule
{
    public static IServiceCollection AddMailAdminModule(this IServiceCollection services)
    {
        services.TryAddScoped<MailPickup>();
        services.AddAdminMenuItem(new AdminMenuItem("Mail", "/mail", AdminPermissions.ManageMail, 74));
        return services;
    }

    public static IEndpointRouteBuilder MapMailAdmin(this IEndpointRouteBuilder endpoints)
    {
        var mail = endpoints.MapAdminArea("/mail", AdminPermissions.ManageMail);
        mail.MapGet("", MailEndpoints.Show).WithName("AdminMail");
        mail.MapPost("", MailEndpoints.SaveAsync);
        mail.MapPost("/test", MailEndpoints.SendTestAsync);
        mail.MapPost("/dead-letters/{id:long}/retry", MailEndpoints.RetryDeadLetterAsync);
        mail.MapGet("/pickup", MailPickupEndpoints.List);
        mail.MapGet("/pickup/{name}", MailPickupEndpoints.Download);
        return endpoints;
    }
}
