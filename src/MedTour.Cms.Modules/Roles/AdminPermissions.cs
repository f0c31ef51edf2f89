namespace MedTour.Cms.Modules.Roles;

/// <summary>The permissions of the admin areas that are not per content type. Names follow Orchard where it has one.</summary>
public static class AdminPermissions
{
    private const string Admin = "Administration";

    public static readonly Permission AccessAdminPanel = new("AccessAdminPanel", "Open the admin", Admin);
    public static readonly Permission ManageMedia = new("ManageMediaContent", "Manage media", "Media");
    public static readonly Permission ManageTemplates = new("ManageTemplates", "Manage templates", "Templates");
    public static readonly Permission ManageSettings = new("ManageSettings", "Manage site settings", Admin);
    public static readonly Permission ManageUsers = new("ManageUsers", "Manage users", "Users");
    public static readonly Permission ManageRoles = new("ManageRoles", "Manage roles", "Users");
    public static readonly Permission ManageWorkflows = new("ManageWorkflows", "Manage workflows", "Workflows");
    public static readonly Permission ManageTenants = new("ManageTenants", "Manage tenants (Default tenant only)", "Tenants");
    public static readonly Permission EditContentTypes = new("EditContentTypes", "Edit content definitions", "Content");
    public static readonly Permission ImportExport = new("Import", "Import recipes and export content", Admin);
    public static readonly Permission ViewAuditTrail = new("ViewAuditTrailContent", "Browse the audit trail", Admin);
    public static readonly Permission ReviewMedicalContent = new("ReviewMedicalContent", "Review articles medically and set their review date", "Content");
    public static readonly Permission ViewOwnConsultations = new("ViewOwnConsultations", "Work the consultation requests assigned to me", "Consultations");
    public static readonly Permission ViewAllConsultations = new("ViewAllConsultations", "Work every consultation request of the site and reassign them", "Consultations");
    public static readonly Permission ManageConsultationRouting = new("ManageConsultationRouting", "Edit the routing ladder and SLA settings", "Consultations");
    public static readonly Permission ManagePatientData = new("ManagePatientData", "Export and erase a patient's data; retention", "Consultations");
    public static readonly Permission ManageMail = new("ManageMail", "SMTP settings, test e-mails and dead letters", Admin);
    public static readonly Permission ManageSearch = new("ManageSearch", "Search indexes: status, rebuild, query tester", Admin);

    public static IReadOnlyList<Permission> All { get; } =
    [
        AccessAdminPanel, ManageMedia, ManageTemplates, ManageSettings, ManageUsers, ManageRoles, ManageWorkflows, ManageTenants,
        EditContentTypes, ImportExport, ViewAuditTrail, ReviewMedicalContent,
        ViewOwnConsultations, ViewAllConsultations, ManageConsultationRouting, ManagePatientData, ManageMail,
        ManageSearch,
    ];
}

/// <summary>Registers <see cref="AdminPermissions.All"/>.</summary>
public sealed class AdminPermissionProvider : IPermissionProvider
{
    public Task<IEnumerable<Permission>> GetPermissionsAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IEnumerable<Permission>>(AdminPermissions.All);
}
