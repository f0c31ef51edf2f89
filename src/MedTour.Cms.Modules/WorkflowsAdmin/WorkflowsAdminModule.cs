using MedTour.Cms.Modules.Admin;
using MedTour.Cms.Modules.Roles;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Modules.WorkflowsAdmin;

/// <summary>
/// <c>/admin/workflows</c>: the tenant's workflow types (every version), their JSON checked against the activity catalogue
/// before a new version is saved, a diagram of activities and transitions, and the instances with their journals and
/// a retry for faulted ones.
/// </summary>
public static class WorkflowsAdminModule
{
    public static IServiceCollection AddWorkflowsAdminModule(this IServiceCollection services)
    {
        services.AddAdminMenuItem(new AdminMenuItem("Workflows", "/workflows", AdminPermissions.ManageWorkflows, 72));
        return services;
    }

    public static IEndpointRouteBuilder MapWorkflowsAdmin(this IEndpointRouteBuilder endpoints)
    {
        var workflows = endpoints.MapAdminArea("/workflows", AdminPermissions.ManageWorkflows);
        workflows.MapGet("", () => AdminResults.Page<WorkflowListPage>()).WithName("AdminWorkflows");
        workflows.MapGet("/new", WorkflowTypeEndpoints.New);
        workflows.MapPost("/new", WorkflowTypeEndpoints.CreateAsync);
        workflows.MapGet("/types/{id}", WorkflowTypeEndpoints.EditAsync);
        workflows.MapPost("/types/{id}", WorkflowTypeEndpoints.SaveAsync);
        workflows.MapPost("/types/{id}/enable", WorkflowTypeEndpoints.EnableAsync);
        workflows.MapPost("/types/{id}/disable", WorkflowTypeEndpoints.DisableAsync);
        workflows.MapGet("/instances", WorkflowInstanceEndpoints.List);
        workflows.MapGet("/instances/{id:long}", WorkflowInstanceEndpoints.ShowAsync);
        workflows.MapPost("/instances/{id:long}/retry", WorkflowInstanceEndpoints.RetryAsync);
        return endpoints;
    }
}
