namespace MedTour.Cms.Modules.Roles;

/// <summary>A role a tenant gets when it is set up, with its permissions (editable afterwards in the admin).</summary>
public sealed record RoleStereotype(string Name, string Description, IReadOnlyList<string> Permissions);

/// <summary>
/// MedTour's roles. The Administrator holds every permission whatever its list says (Orchard's SiteOwner rule),
/// so a new module's permission never locks the administrators out.
/// </summary>
public static class DefaultRoles
{
    public const string Administrator = "Administrator";
    public const string Editor = "Editor";
    public const string MedicalEditor = "MedicalEditor";
    public const string Author = "Author";
    public const string Coordinator = "Coordinator";
    public const string RegionalLead = "RegionalLead";

    public static IReadOnlyList<RoleStereotype> All { get; } =
    [
        new(Administrator, "Everything, on this site", []),
        new(Editor, "All content: create, edit, publish, delete; media", [
            AdminPermissions.AccessAdminPanel.Name, ContentPermissions.CreateContent.Name, ContentPermissions.EditContent.Name,
            ContentPermissions.PublishContent.Name, ContentPermissions.DeleteContent.Name, ContentPermissions.PreviewContent.Name,
            AdminPermissions.ManageMedia.Name, AdminPermissions.ViewAuditTrail.Name]),
        new(MedicalEditor, "Reviews and publishes articles, sets their review date", [
            AdminPermissions.AccessAdminPanel.Name, ContentPermissions.CreateContent.Name, ContentPermissions.EditContent.Name,
            ContentPermissions.PreviewContent.Name, "Publish_Article", AdminPermissions.ReviewMedicalContent.Name, AdminPermissions.ManageMedia.Name]),
        new(Author, "Creates and edits own content, submits it for review; cannot publish", [
            AdminPermissions.AccessAdminPanel.Name, ContentPermissions.CreateContent.Name, ContentPermissions.EditOwnContent.Name,
            ContentPermissions.PreviewOwnContent.Name, AdminPermissions.ManageMedia.Name]),
        new(Coordinator, "Works the consultation requests assigned to them", [
            AdminPermissions.AccessAdminPanel.Name, AdminPermissions.ViewOwnConsultations.Name]),
        new(RegionalLead, "The whole region's consultation inbox and its SLA settings", [
            AdminPermissions.AccessAdminPanel.Name, AdminPermissions.ViewOwnConsultations.Name, AdminPermissions.ViewAllConsultations.Name,
            AdminPermissions.ManageConsultationRouting.Name]),
    ];
}
