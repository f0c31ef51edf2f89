using MedTour.Cms.Modules;
using MedTour.Cms.Modules.Contents;
using MedTour.Cms.Tenancy;

namespace MedTour.Cms.Web.Hosting;

/// <summary>The host's wiring: one Add, one Use, one Map.</summary>
public static class HostingExtensions
{
    public static WebApplicationBuilder AddMedTourCms(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddMedTourCmsCore(builder.Configuration);
        builder.Services.AddMedTourModules(builder.Configuration);
        builder.Services.AddHealthChecks().AddCheck<ReadinessCheck>("setup", tags: ["ready"]);
        builder.Services.AddProblemDetails();
        return builder;
    }

    public static WebApplication UseMedTourCms(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseStatusCodePages();
        app.UseExceptionHandler();
        app.UseMiddleware<TenantResolutionMiddleware>();
        // Routing runs after tenant resolution, so endpoints see the path without the tenant's prefix.
        app.UseRouting();
        return app;
    }

    public static WebApplication MapMedTourCms(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false }).WithName("Liveness");
        app.MapHealthChecks("/health/ready", new() { Predicate = c => c.Tags.Contains("ready") }).WithName("Readiness");
        app.MapContents();
        return app;
    }
}
