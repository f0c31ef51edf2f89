using MedTour.Cms.Content.Indexing;
using MedTour.Cms.Content.Parts;
using MedTour.Cms.Modules.Contents;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Modules.Lists;

/// <summary>Orchard's ListPart and ContainedPart: containers (a blog) that list the items they contain (its posts), paged.</summary>
public static class ListsModule
{
    public static IServiceCollection AddListsModule(this IServiceCollection services)
    {
        services.AddSingleton<IContentPartHandler>(new SimplePartHandler("ListPart"));
        services.AddSingleton<IContentPartHandler>(new SimplePartHandler(ContainedPartIndexer.Part));
        services.AddSingleton<IPartIndexer, ContainedPartIndexer>();
        services.AddScoped<IContentPageComposer, ListPartComposer>();
        return services;
    }
}
