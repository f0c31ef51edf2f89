namespace MedTour.Cms.Modules.SettingsAdmin;

/// <summary>
/// Where each setting lives in the SiteSettings document: the names the recipes' Settings steps already use
/// (<c>SiteName</c>, <c>TimeZoneId</c>, <c>MedTourSettings.FallbackCoordinatorEmail</c>) and the robots section.
/// </summary>
public static class SiteSettingsNames
{
    public const string SiteName = "SiteName";
    public const string TimeZoneId = Contents.SiteFilters.TimeZoneSetting;
    public const string MedTour = "MedTourSettings";
    public const string FallbackCoordinatorEmail = "FallbackCoordinatorEmail";
    public const string Robots = "RobotsSettings";
    public const string AllowIndexing = "AllowIndexing";
    public const string ExtraRules = "ExtraRules";
}
