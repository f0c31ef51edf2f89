using MedTour.Cms.Tenancy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Modules;

public static class FeatureEndpointExtensions
{
    /// <summary>The endpoints answer 404 on tenants where the feature is off, as if the module were not there.</summary>
    public static TBuilder RequireFeature<TBuilder>(this TBuilder builder, string feature) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var tenant = context.HttpContext.RequestServices.GetRequiredService<CurrentTenant>();
            return tenant.IsSet && tenant.Settings.IsFeatureEnabled(feature) ? await next(context) : Results.NotFound();
        });
}
