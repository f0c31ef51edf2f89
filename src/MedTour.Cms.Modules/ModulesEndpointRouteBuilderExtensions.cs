using MedTour.Cms.Modules.Admin;
using MedTour.Cms.Modules.Contents;
using MedTour.Cms.Modules.MedTour.Pages;
using MedTour.Cms.Modules.Search;
using MedTour.Cms.Modules.Seo;
using MedTour.Cms.Modules.Users;
using Microsoft.AspNetCore.Routing;

namespace MedTour.Cms.Modules;

/// <summary>Every module's endpoints; the host calls this once. A new module with endpoints adds its MapXxx here.</summary>
public static class ModulesEndpointRouteBuilderExtensions
{
    public static IEndpointRouteBuilder MapMedTourModules(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapSeo();
        endpoints.MapSignIn();
        endpoints.MapAdmin();
        endpoints.MapMedTourPages();
        endpoints.MapSearch();
        // Last: its catch-all item route ("/{**path}") is the fallback for every other page.
        endpoints.MapContents();
        return endpoints;
    }
}
