using MedTour.Cms.Display;
using MedTour.Cms.Modules;
using MedTour.Cms.Modules.Admin;
using MedTour.Cms.Modules.Security;
using MedTour.Cms.Modules.Site;
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
        return builder;
    }

    public static WebApplication UseMedTourCms(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseSecurityModule();
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = ProblemPage.HandleErrorAsync });
        app.UseMiddleware<TenantResolutionMiddleware>();
        app.UseMiddleware<PageCultureMiddleware>();
        app.Services.GetRequiredService<ThemeAssets>().UseIn(app);
        app.Services.GetRequiredService<AdminAssets>().UseIn(app);
        app.UseMiddleware<RequestGuardMiddleware>();
        // Authentication first: the output cache must know who is signed in (it serves anonymous visitors only).
        app.UseAuthentication();
        // Only the base policy is used (no per-endpoint policies), so cached pages are served before routing.
        app.UseOutputCache();
        // Routing runs after tenant and culture resolution, so endpoints see the path without those prefixes.
        app.UseRouting();
        app.UseAuthorization();
        app.Use((context, next) => ProblemPage.CatchProblemsAsync(context, () => next(context)));
        return app;
    }

    public static WebApplication MapMedTourCms(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false }).WithName("Liveness");
        app.MapHealthChecks("/health/ready", new() { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = ReadinessResponse.WriteAsync }).WithName("Readiness");
        app.MapMedTourModules();
        return app;
    }
}
