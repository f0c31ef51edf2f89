using MedTour.Cms.Modules.Consultations;
using MedTour.Cms.Modules.Admin;
using MedTour.Cms.Modules.ContentEditor;
using MedTour.Cms.Modules.Contents;
using MedTour.Cms.Modules.MediaAdmin;
using MedTour.Cms.Modules.Forms;
using MedTour.Cms.Modules.AuditTrail;
using MedTour.Cms.Modules.ContentList;
using MedTour.Cms.Modules.Inbox;
using MedTour.Cms.Modules.Versions;
using MedTour.Cms.Modules.Graph;
using MedTour.Cms.Modules.MedTour.Pages;
using MedTour.Cms.Modules.Search;
using MedTour.Cms.Modules.Seo;
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
using MedTour.Cms.Modules.WorkflowsAdmin;
using MedTour.Cms.Modules.MailAdmin;
using MedTour.Cms.Modules.Workflows;
using MedTour.Cms.Modules.PatientData;
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
        endpoints.MapUsersAdmin();
        endpoints.MapTwoFactor();
        endpoints.MapRolesAdmin();
        endpoints.MapContentEditor();
        endpoints.MapMedTourPages();
        endpoints.MapTenantsAdmin();
        endpoints.MapTemplatesAdmin();
        endpoints.MapSettingsAdmin();
        endpoints.MapSearchAdmin();
        endpoints.MapImportExportAdmin();
        endpoints.MapDefinitionsAdmin();
        endpoints.MapMediaLibrary();
        endpoints.MapForms();
        endpoints.MapConsultations();
        endpoints.MapContentList();
        endpoints.MapInbox();
        endpoints.MapAuditTrail();
        endpoints.MapPatientData();
        endpoints.MapContentVersions();
        endpoints.MapGraphQL();
        endpoints.MapSearch();
        endpoints.MapWorkflowsAdmin();
        endpoints.MapMailAdmin();
        endpoints.MapWorkflows();
        // Last: its catch-all item route ("/{**path}") is the fallback for every other page.
        endpoints.MapContents();
        return endpoints;
    }
}
