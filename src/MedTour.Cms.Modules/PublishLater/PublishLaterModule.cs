using MedTour.Cms.Content.Indexing;
using MedTour.Cms.Content.Parts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Modules.PublishLater;

/// <summary>Orchard's PublishLaterPart: a draft with a <c>ScheduledPublishUtc</c> is published by a background task once it is due.</summary>
public static class PublishLaterModule
{
    public static IServiceCollection AddPublishLaterModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PublishLaterOptions>().Bind(configuration.GetSection("MedTour:PublishLater"))
            .Validate(o => o.Interval > TimeSpan.Zero && o.BatchSize > 0, "MedTour:PublishLater: Interval and BatchSize must be positive.");
        services.AddSingleton<IContentPartHandler, PublishLaterPartHandler>();
        services.AddSingleton<IPartIndexer, PublishLaterPartIndexer>();
        services.AddSingleton<ScheduledPublishingService>();
        services.AddHostedService(sp => sp.GetRequiredService<ScheduledPublishingService>());
        return services;
    }
}
