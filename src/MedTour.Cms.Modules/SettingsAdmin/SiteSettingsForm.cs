using System.Net.Mail;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MedTour.Cms.Modules.Admin;
using MedTour.Cms.Modules.Admin.Shell;
using MedTour.Cms.Tenancy;
using Microsoft.AspNetCore.Http;

namespace MedTour.Cms.Modules.SettingsAdmin;

/// <summary>
/// The settings form's values as typed. Name, time zone, robots and inbox go to the SiteSettings document; cultures
/// and phone lines are the tenant's own settings (what resolution, hreflang and every site's header read).
/// </summary>
public sealed partial record SiteSettingsForm(string SiteName, string Cultures, string PhoneLines, string TimeZone, bool AllowIndexing, string RobotsRules, string FallbackEmail)
{
    private static readonly string[] RobotsFields = ["user-agent", "allow", "disallow", "sitemap", "crawl-delay"];

    public static SiteSettingsForm From(JsonObject site, TenantSettings tenant)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(tenant);
        return new(
            Text(site[SiteSettingsNames.SiteName]) ?? tenant.DisplayName ?? tenant.Name,
            string.Join(", ", tenant.Cultures),
            string.Join("\n", tenant.Region?.PhoneLines.Select(p => $"{p.Label} | {p.Number}") ?? []),
            Text(site[SiteSettingsNames.TimeZoneId]) ?? "UTC",
            site[SiteSettingsNames.Robots]?[SiteSettingsNames.AllowIndexing] is JsonValue allow && allow.TryGetValue<bool>(out var a) ? a : true,
            Text(site[SiteSettingsNames.Robots]?[SiteSettingsNames.ExtraRules]) ?? string.Empty,
            Text(site[SiteSettingsNames.MedTour]?[SiteSettingsNames.FallbackCoordinatorEmail]) ?? string.Empty);
    }

    public static SiteSettingsForm Read(IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return new(form["siteName"].ToString().Trim(), form["cultures"].ToString().Trim(), form["phoneLines"].ToString().Trim().ReplaceLineEndings("\n"),
            form["timeZone"].ToString().Trim(), form["allowIndexing"] == "true", form["robotsRules"].ToString().Trim().ReplaceLineEndings("\n"), form["fallbackEmail"].ToString().Trim());
    }

    /// <summary>The field's own checks; the tenant's settings are then checked by <see cref="TenantManager.Validate"/>.</summary>
    public FormErrors Validate(AdminRequest admin, bool hasRegion)
    {
        ArgumentNullException.ThrowIfNull(admin);
        var errors = new FormErrors();
        if (SiteName.Length is 0 or > 100)
        {
            errors.Add("siteName", admin.T("The site name is required (at most 100 characters)."));
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
        {
            errors.Add("timeZone", admin.T("'{0}' is not a time zone id (e.g. Europe/Kyiv).", TimeZone));
        }

        if (FallbackEmail.Length > 0 && !IsEmail(FallbackEmail))
        {
            errors.Add("fallbackEmail", admin.T("'{0}' is not an e-mail address.", FallbackEmail));
        }

        var lines = Lines(PhoneLines).ToList();
        if (lines.Count > 0 && !hasRegion)
        {
            errors.Add("phoneLines", admin.T("Only a regional site has phone lines."));
        }

        foreach (var line in lines.Where(l => ParsePhoneLine(l) is null))
        {
            errors.Add("phoneLines", admin.T("'{0}' is not \"label | number\" with a number of 6 to 15 digits.", line));
            break;
        }

        foreach (var rule in Lines(RobotsRules).Where(r => !r.StartsWith('#') && !IsRobotsRule(r)))
        {
            errors.Add("robotsRules", admin.T("'{0}' is not a robots.txt rule (User-agent, Allow, Disallow, Sitemap or Crawl-delay: value).", rule));
            break;
        }

        return errors;
    }

    public IReadOnlyList<string> CultureList =>
        [.. Cultures.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    /// <summary>The tenant with this form's cultures and phone lines (a copy; checked before it is saved).</summary>
    public TenantSettings ApplyTo(TenantSettings tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        return tenant with
        {
            Cultures = CultureList,
            Region = tenant.Region is null ? null : tenant.Region with { PhoneLines = [.. Lines(PhoneLines).Select(l => ParsePhoneLine(l)!)] },
        };
    }

    /// <summary>The SiteSettings document with this form's values; other sections are kept as they are.</summary>
    public JsonObject ApplyTo(JsonObject site)
    {
        ArgumentNullException.ThrowIfNull(site);
        var next = site.DeepClone().AsObject();
        next[SiteSettingsNames.SiteName] = SiteName;
        next[SiteSettingsNames.TimeZoneId] = TimeZone;
        var medTour = next[SiteSettingsNames.MedTour] as JsonObject ?? [];
        medTour[SiteSettingsNames.FallbackCoordinatorEmail] = FallbackEmail.Length == 0 ? null : FallbackEmail;
        next[SiteSettingsNames.MedTour] = medTour;
        next[SiteSettingsNames.Robots] = new JsonObject { [SiteSettingsNames.AllowIndexing] = AllowIndexing, [SiteSettingsNames.ExtraRules] = RobotsRules };
        return next;
    }

    private static PhoneLine? ParsePhoneLine(string line)
    {
        var parts = line.Split('|', 2, StringSplitOptions.TrimEntries);
        return parts.Length == 2 && parts[0].Length is > 0 and <= 60 && PhoneNumber().IsMatch(parts[1]) && parts[1].Count(char.IsDigit) is >= 6 and <= 15
            ? new PhoneLine(parts[0], parts[1])
            : null;
    }

    private static bool IsRobotsRule(string rule)
    {
        var colon = rule.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && RobotsFields.Contains(rule[..colon].Trim().ToLowerInvariant()) && !rule.Contains('<', StringComparison.Ordinal);
    }

    private static bool IsEmail(string value) =>
        MailAddress.TryCreate(value, out var address) && address.Address == value && value.Contains('.', StringComparison.Ordinal);

    private static string[] Lines(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    [GeneratedRegex(@"^\+?[0-9 ().-]+$")]
    private static partial Regex PhoneNumber();
}
