using MedTour.Cms.Content;
using MedTour.Cms.Modules.Admin;
using MedTour.Cms.Modules.Roles;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MedTour.Cms.Modules.Versions;

/// <summary>
/// An item's versions (history, side-by-side diff, restore as a new draft) and translations (its localization set,
/// and a new counterpart in another culture). Every endpoint checks the per-type permission on the item itself.
/// </summary>
public static class ContentVersionsModule
{
    public static IServiceCollection AddContentVersionsModule(this IServiceCollection services)
    {
        services.TryAddScoped<ContentHistory>();
        services.TryAddScoped<ContentRestore>();
        services.AddScoped<ContentTranslator>();
        services.AddScoped<Regions.RegionalTranslations>();
        return services;
    }

    public static IEndpointRouteBuilder MapContentVersions(this IEndpointRouteBuilder endpoints)
    {
        var content = endpoints.MapAdminArea("/content").RequireAnyContentPermission();
        content.MapGet("/{id}/versions", VersionEndpoints.HistoryAsync).WithName("ContentVersions");
        content.MapGet("/{id}/versions/diff", VersionEndpoints.DiffAsync).WithName("ContentVersionDiff");
        content.MapPost("/{id}/versions/restore", VersionEndpoints.RestoreAsync).WithName("ContentVersionRestore");
        content.MapGet("/{id}/translate", TranslateEndpoints.ShowAsync).WithName("ContentTranslate");
        content.MapPost("/{id}/translate", TranslateEndpoints.CreateAsync).WithName("ContentTranslateCreate");
        return endpoints;
    }
}
