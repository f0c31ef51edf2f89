using Microsoft.AspNetCore.Http;

namespace MedTour.Cms.Modules.Contents;

/// <summary>Adds what a module shows on a tenant's home page (featured articles, regions…).</summary>
public interface IHomePageComposer
{
    Task ComposeAsync(HttpContext http, Dictionary<string, object?> model);
}
