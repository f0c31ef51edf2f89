using Ganss.Xss;
using MedTour.Cms.Caching;
using MedTour.Cms.Content;
using MedTour.Cms.Content.Caching;
using MedTour.Cms.Content.Definitions;
using MedTour.Cms.Content.Fields;
using MedTour.Cms.Content.Indexing;
using MedTour.Cms.Content.Parts;
using MedTour.Cms.Data;
using MedTour.Cms.Display;
using MedTour.Cms.Modules;
using MedTour.Cms.Recipes;
using MedTour.Cms.Recipes.Scripting;
using MedTour.Cms.Recipes.Steps;
using MedTour.Cms.Security;
using MedTour.Cms.Settings;
using MedTour.Cms.Tenancy;
using MedTour.Cms.Tenancy.Changes;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MedTour.Cms;

public static class CoreServiceCollectionExtensions
{
    /// <summary>The engine: tenancy, storage, content, recipes, Liquid. Defaults use TryAdd so a host can replace them.</summary>
    public static IServiceCollection AddMedTourCmsCore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<CmsOptions>().Bind(configuration.GetSection("MedTour"));
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection("MedTour:Database"));
        services.AddOptions<LiquidOptions>().Bind(configuration.GetSection("MedTour:Liquid"));
        services.AddBoundedMemoryCache(configuration);
        services.TryAddSingleton(TimeProvider.System);

        services.TryAddSingleton<AppPaths>();
        services.TryAddSingleton<TenantStore>();
        services.TryAddSingleton<TenantRegistry>();
        services.TryAddSingleton<TenantHostResolver>();
        services.TryAddSingleton<TenantScopeFactory>();
        services.TryAddSingleton<TenantDbContextFactory>();
        services.TryAddSingleton<TenantDatabaseMigrator>();
        services.TryAddSingleton<TenantSchemaUpgrade>();
        services.TryAddSingleton<TenantManager>();
        services.TryAddSingleton<TenantSetupFailures>();
        services.TryAddSingleton<TenantCache>();
        services.AddTenantChanges(configuration);
        services.TryAddSingleton<RecipeReader>();
        services.TryAddSingleton<LiquidEngine>();
        services.TryAddSingleton<ThemeViews>();
        services.TryAddSingleton<LiquidModelCache>();
        services.TryAddSingleton<MarkdownRenderer>();
        services.TryAddSingleton<FeatureCatalog>();
        services.TryAddSingleton<ContentFieldTypes>();
        services.TryAddSingleton(_ => HtmlSanitizerFactory.Create());
        services.AddSingleton(new FeatureDescriptor("Contents", "Content types, items, routes and the public pages that show them."));
        foreach (var fieldType in ContentFieldType.BuiltIn)
        {
            services.AddSingleton(fieldType);
        }

        services.TryAddScoped<CurrentTenant>();
        services.TryAddScoped<CmsDbContext>(sp =>
        {
            var db = sp.GetRequiredService<TenantDbContextFactory>().Create(sp.GetRequiredService<CurrentTenant>().Settings);
            db.OutsideRequest = sp.GetService<Microsoft.AspNetCore.Http.IHttpContextAccessor>()?.HttpContext is null;
            return db;
        });
        services.TryAddScoped<UnitOfWork>();
        services.TryAddScoped<TenantChangeNotifier>();
        services.TryAddScoped<DocumentStore>();
        services.TryAddScoped<ContentDefinitionManager>();
        services.TryAddScoped<SiteSettingsStore>();
        services.TryAddScoped<ContentValidator>();
        services.TryAddScoped<PendingContentItems>();
        services.TryAddScoped<ContentIndexWriter>();
        services.TryAddScoped<RouteIndex>();
        services.TryAddScoped<ContentManager>();
        services.TryAddScoped<ContentDrafts>();
        services.TryAddScoped<ContentReader>();
        services.TryAddScoped<ContentQueryFactory>();
        services.TryAddScoped<RecipeExecutor>();
        services.AddRecipeScripting(configuration);
        services.TryAddSingleton<ContentVersions>();
        services.TryAddScoped<PublishedContent>();
        services.AddScoped<IContentHandler, ContentVersionHandler>();
        services.AddSingleton<ITenantObserver, ContentVersionTenantObserver>();
        services.TryAddScoped<PageRenderer>();
        services.TryAddScoped<PageCulture>();
        services.TryAddScoped<CacheTags>();
        services.TryAddScoped<FragmentCache>();
        services.AddHttpContextAccessor();
        services.AddMedTourDataProtection();
        services.TryAddScoped<SiteModelBuilder>();
        services.TryAddScoped<TemplateOverrides>();

        services.AddScoped<IContentPartHandler, TitlePartHandler>();
        services.AddScoped<IContentPartHandler, AutoroutePartHandler>();
        services.AddScoped<IContentPartHandler, HtmlBodyPartHandler>();
        services.AddScoped<IContentPartHandler, LocalizationPartHandler>();
        services.AddSingleton<IContentPartHandler, MarkdownBodyPartHandler>();
        foreach (var part in new[] { "SeoMetaPart", "TaxonomyPart" })
        {
            services.AddSingleton<IContentPartHandler>(new SimplePartHandler(part));
        }

        services.AddScoped<IRecipeStepHandler, RecipesStep>();
        services.AddScoped<IRecipeStepHandler, FeatureStep>();
        services.AddScoped<IRecipeStepHandler, ContentDefinitionStep>();
        services.AddScoped<IRecipeStepHandler, ContentStep>();
        services.AddScoped<IRecipeStepHandler, SettingsStep>();
        services.AddScoped<IRecipeStepHandler, MediaStep>();
        services.AddScoped<IRecipeStepHandler, TemplatesStep>();

        services.AddIdentityCore<IdentityUser>(o => o.Password.RequiredLength = 12)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<CmsDbContext>()
            .AddDefaultTokenProviders()
            .AddSignInManager();
        return services;
    }
}
