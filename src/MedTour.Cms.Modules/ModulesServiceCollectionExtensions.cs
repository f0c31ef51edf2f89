using MedTour.Cms.Modules.Consultations;
using MedTour.Cms.Modules.Inbox;
using MedTour.Cms.Modules.Admin;
using MedTour.Cms.Modules.ContentEditor;
using MedTour.Cms.Modules.Contents;
using MedTour.Cms.Modules.Forms;
using MedTour.Cms.Modules.AuditTrail;
using MedTour.Cms.Modules.ContentList;
using MedTour.Cms.Modules.Versions;
using MedTour.Cms.Modules.Graph;
using MedTour.Cms.Modules.Roles;
using MedTour.Cms.Modules.Search;
using MedTour.Cms.Modules.Lists;
using MedTour.Cms.Modules.MediaAdmin;
using MedTour.Cms.Modules.PublishLater;
using MedTour.Cms.Modules.MedTour;
using MedTour.Cms.Modules.Security;
using MedTour.Cms.Modules.Setup;
using MedTour.Cms.Modules.Site;
using MedTour.Cms.Modules.Tenants;
using MedTour.Cms.Modules.TenantsAdmin;
using MedTour.Cms.Modules.DefinitionsAdmin;
using MedTour.Cms.Modules.ImportExportAdmin;
using MedTour.Cms.Modules.SearchAdmin;
using MedTour.Cms.Modules.SettingsAdmin;
using MedTour.Cms.Modules.TemplatesAdmin;
using MedTour.Cms.Modules.Users;
using MedTour.Cms.Modules.UsersAdmin;
using MedTour.Cms.Modules.TwoFactor;
using MedTour.Cms.Modules.RolesAdmin;
using MedTour.Cms.Modules.Workflows;
using MedTour.Cms.Modules.WorkflowsAdmin;
using MedTour.Cms.Modules.MailAdmin;
using MedTour.Cms.Modules.PatientData;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MedTour.Cms.Modules;

public static class ModulesServiceCollectionExtensions
{
    /// <summary>Every module of this host. A module is a folder with one AddXxxModule method.</summary>
    public static IServiceCollection AddMedTourModules(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRolesModule();
        services.AddAdminModule();
        services.AddUsersAdminModule();
        services.AddTwoFactorModule();
        services.AddRolesAdminModule();
        services.AddContentsModule();
        services.AddContentEditorModule();
        services.AddContentListModule();
        services.AddAuditTrailModule();
        services.AddContentVersionsModule();
        services.AddListsModule();
        services.AddPublishLaterModule(configuration);
        services.AddSiteModule(configuration);
        services.AddTenantsModule();
        services.AddTenantsAdminModule();
        services.AddTemplatesAdminModule();
        services.AddSettingsAdminModule();
        services.AddSearchAdminModule();
        services.AddImportExportAdminModule();
        services.AddDefinitionsAdminModule();
        services.AddMedTourModule();
        services.AddMediaAdminModule(configuration);
        services.AddWorkflowsModule(configuration);
        services.AddFormsModule(configuration);
        services.AddConsultationsModule(configuration);
        services.AddInboxModule(configuration);
        services.AddPatientDataModule(configuration);
        services.AddGraphQLModule(configuration);
        services.AddSearchModule(configuration);
        services.AddWorkflowsAdminModule();
        services.AddMailAdminModule();
        services.AddOptions<AdminOptions>().Bind(configuration.GetSection("MedTour:Admin"));
        services.AddScoped<Microsoft.AspNetCore.Identity.IUserClaimsPrincipalFactory<Microsoft.AspNetCore.Identity.IdentityUser>, TenantClaimsPrincipalFactory>();
        services.AddAuthentication(Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = "/login";
            cookie.Cookie.Name = "medtour.auth";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Lax;
            cookie.Events.OnValidatePrincipal = TenantClaimsPrincipalFactory.ValidateTenantAsync;
        });
        services.AddAuthorization();
        services.AddSecurityModule(configuration);
        services.AddUsersModule(configuration);
        services.AddSingleton<AdministratorBootstrap>();
        services.AddSingleton<SetupStatus>();
        services.AddSingleton<SiteSetup>();
        services.AddHostedService<FirstRunSetup>();
        return services;
    }
}
