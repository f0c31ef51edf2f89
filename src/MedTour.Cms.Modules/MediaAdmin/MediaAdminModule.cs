using MedTour.Cms.Display;
using MedTour.Cms.Modules.Admin;
using MedTour.Cms.Modules.MediaAdmin.Storage;
using MedTour.Cms.Modules.MediaAdmin.Variants;
using MedTour.Cms.Modules.Roles;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MedTour.Cms.Modules.MediaAdmin;

/// <summary>
/// The media library: the admin's <c>/admin/media</c> (folders, uploads checked by their bytes, alt texts per
/// culture, usage before delete, a picker for editors) and the public <c>/media/…</c> with image variants in the
/// configured sizes (<c>MedTour:Media</c>), made once with ImageSharp and served from disk.
/// </summary>
public static class MediaAdminModule
{
    public static IServiceCollection AddMediaAdminModule(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<MediaOptions>().Bind(configuration.GetSection(MediaOptions.Section));
        services.AddAdminMenuItem(new AdminMenuItem("Media", "/media", AdminPermissions.ManageMedia, 30));
        services.TryAddScoped<MediaLibrary>();
        services.TryAddScoped<MediaTexts>();
        services.TryAddScoped<MediaUsage>();
        services.TryAddScoped<MediaUploadValidator>();
        services.TryAddSingleton<MediaVariants>();
        services.AddSingleton<ILiquidFilterProvider, MediaLiquidFilters>();
        return services;
    }

    /// <summary>The admin library and the public media files (mapped before the content catch-all).</summary>
    public static IEndpointRouteBuilder MapMediaLibrary(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMediaAdmin();
        endpoints.MapMedia();
        return endpoints;
    }
}
