using MedTour.Cms.Modules.Roles;

namespace MedTour.Cms.Modules.Admin;

/// <summary>
/// An entry of the admin's navigation, shown to users who hold <paramref name="Permission"/>. <paramref name="Path"/>
/// is under <c>/admin</c> ("" is the dashboard). <paramref name="DefaultTenantOnly"/> hides it on the regional sites.
/// <paramref name="NeedsContentPermission"/> hides it from users holding no content permission (the content areas' gate).
/// Registered by each admin module with <c>services.AddAdminMenuItem(…)</c>.
/// </summary>
public sealed record AdminMenuItem(string Text, string Path, Permission Permission, int Order, bool DefaultTenantOnly = false, bool NeedsContentPermission = false);
