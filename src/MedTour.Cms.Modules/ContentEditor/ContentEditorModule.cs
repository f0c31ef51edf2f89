using MedTour.Cms.Modules.Admin;
using MedTour.Cms.Modules.Roles;
using MedTour.Cms.Modules.ContentEditor.Editing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MedTour.Cms.Modules.ContentEditor;

/// <summary>
/// The content editor: create and edit items with inputs generated from their type, the actions on an item (publish,
/// unpublish, schedule, discard the draft, clone, delete), a preview in the public theme, and the small endpoints its
/// scripts call. Every endpoint is in the admin area of /admin/content; the per-type permission is checked per item.
/// </summary>
public static class ContentEditorModule
{
    public static IServiceCollection AddContentEditorModule(this IServiceCollection services)
    {
        services.TryAddScoped<EditorSchema>();
        services.TryAddScoped<EditorBinder>();
        services.TryAddScoped<EditorReferences>();
        services.TryAddScoped<EditorPages>();
        services.TryAddScoped<RegionSource>();
        return services;
    }

    public static IEndpointRouteBuilder MapContentEditor(this IEndpointRouteBuilder endpoints)
    {
        // AccessAdminPanel for the area; what may be done to an item depends on its type and owner, checked inside.
        var content = endpoints.MapAdminArea("/content").RequireAnyContentPermission();
        content.MapGet("/{type}/create", EditorEndpoints.CreateFormAsync).WithName("ContentCreate");
        content.MapPost("/{type}/create", EditorEndpoints.CreateAsync);
        content.MapGet("/{id}/edit", EditorEndpoints.EditFormAsync).WithName("ContentEdit");
        content.MapPost("/{id}/edit", EditorEndpoints.EditAsync);
        content.MapPost("/{id}/unpublish", ItemActionEndpoints.UnpublishAsync);
        content.MapPost("/{id}/discard", ItemActionEndpoints.DiscardAsync);
        content.MapPost("/{id}/clone", ItemActionEndpoints.CloneAsync);
        content.MapGet("/{id}/delete", ItemActionEndpoints.DeleteFormAsync);
        content.MapPost("/{id}/delete", ItemActionEndpoints.DeleteAsync);
        content.MapGet("/{id}/preview", PreviewEndpoint.PreviewAsync).WithName("ContentPreview");
        content.MapGet("/picker", EditorApiEndpoints.SearchAsync);
        content.MapPost("/markdown-preview", EditorApiEndpoints.MarkdownPreviewAsync);
        content.MapGet("/{type}/path-preview", EditorApiEndpoints.PathPreviewAsync);
        return endpoints;
    }
}
