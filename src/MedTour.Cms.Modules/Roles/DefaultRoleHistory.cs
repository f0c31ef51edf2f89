namespace MedTour.Cms.Modules.Roles;

/// <summary>
/// The permission lists the MedTour roles had in earlier builds, by the version of <see cref="DefaultRoles"/> that
/// first shipped each. A stored role whose list is exactly one of these was never edited by an administrator, so
/// <see cref="DefaultRolesUpgrade"/> may replace it with today's. Append a version here whenever a default list changes.
/// </summary>
public static class DefaultRoleHistory
{
    /// <summary>The version of today's lists in <see cref="DefaultRoles.All"/>.</summary>
    public const int Current = 3;

    /// <summary>Earlier lists: version → role → permissions.</summary>
    public static IReadOnlyDictionary<int, IReadOnlyDictionary<string, string[]>> Earlier { get; } = new Dictionary<int, IReadOnlyDictionary<string, string[]>>
    {
        // The admin shell: Authors previewed every draft; the inbox roles had only the admin panel.
        [1] = new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            [DefaultRoles.Author] = ["AccessAdminPanel", "CreateContent", "EditOwnContent", "PreviewContent", "ManageMediaContent"],
            [DefaultRoles.Coordinator] = ["AccessAdminPanel"],
            [DefaultRoles.RegionalLead] = ["AccessAdminPanel"],
        },

        // Authors preview only their own drafts; the consultation permissions did not exist yet.
        [2] = new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            [DefaultRoles.Author] = ["AccessAdminPanel", "CreateContent", "EditOwnContent", "PreviewOwnContent", "ManageMediaContent"],
            [DefaultRoles.Coordinator] = ["AccessAdminPanel"],
            [DefaultRoles.RegionalLead] = ["AccessAdminPanel"],
        },
    };
}
