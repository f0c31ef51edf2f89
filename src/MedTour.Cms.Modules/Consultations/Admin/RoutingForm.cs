using System.Globalization;
using System.Net.Mail;
using MedTour.Cms.Modules.Admin;
using MedTour.Cms.Modules.Admin.Shell;
using MedTour.Cms.Modules.Consultations.Routing;
using Microsoft.AspNetCore.Http;

namespace MedTour.Cms.Modules.Consultations.Admin;

/// <summary>
/// The routing page's values as typed. The ladder is one rung per line, in order: <c>name | criteria</c> where criteria
/// are any of <c>destination, specialty, language, country</c> (none: the whole region), or <c>name | inbox: address</c>
/// for the catch-all, which must be the last line.
/// </summary>
public sealed record RoutingForm(string Rules, string SlaHours, string ReassignAfterHours, string TimeZone, string Opens, string Closes,
    IReadOnlyList<DayOfWeek> Days, string LeadEmail)
{
    private static readonly (string Word, RoutingCriteria Criterion)[] Words =
    [
        ("destination", RoutingCriteria.DestinationCountry), ("specialty", RoutingCriteria.Specialty),
        ("language", RoutingCriteria.Language), ("country", RoutingCriteria.PatientCountry),
    ];

    public static RoutingForm From(RoutingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new(
            string.Join("\n", settings.Rules.Select(Format)),
            settings.SlaHours.ToString(CultureInfo.InvariantCulture),
            settings.ReassignAfterHours.ToString(CultureInfo.InvariantCulture),
            settings.TimeZoneId,
            settings.Opens.ToString("HH:mm", CultureInfo.InvariantCulture),
            settings.Closes.ToString("HH:mm", CultureInfo.InvariantCulture),
            settings.Days,
            settings.RegionalLeadEmail ?? string.Empty);
    }

    public static RoutingForm Read(IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var days = form["days"].Select(d => Enum.TryParse<DayOfWeek>(d, out var day) && Enum.IsDefined(day) ? (DayOfWeek?)day : null)
            .OfType<DayOfWeek>().Distinct().Order().ToList();
        return new(form["rules"].ToString().Trim().ReplaceLineEndings("\n"), form["slaHours"].ToString().Trim(), form["reassignAfterHours"].ToString().Trim(),
            form["timeZone"].ToString().Trim(), form["opens"].ToString().Trim(), form["closes"].ToString().Trim(), days, form["leadEmail"].ToString().Trim());
    }

    /// <summary>The settings these values make, or the errors by field (nothing is saved then).</summary>
    public (RoutingSettings? Settings, FormErrors Errors) ToSettings(AdminRequest admin)
    {
        ArgumentNullException.ThrowIfNull(admin);
        var errors = new FormErrors();
        var rules = ParseRules(admin, errors);
        var sla = Hours(admin, errors, "slaHours", SlaHours);
        var reassign = Hours(admin, errors, "reassignAfterHours", ReassignAfterHours);
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
        {
            errors.Add("timeZone", admin.T("'{0}' is not a time zone id (e.g. Europe/Kyiv).", TimeZone));
        }

        var opens = Time(admin, errors, "opens", Opens);
        var closes = Time(admin, errors, "closes", Closes);
        if (opens is not null && closes is not null && closes <= opens)
        {
            errors.Add("closes", admin.T("The closing time must be after the opening time."));
        }

        if (Days.Count == 0)
        {
            errors.Add("days", admin.T("Choose at least one working day."));
        }

        if (LeadEmail.Length > 0 && !IsEmail(LeadEmail))
        {
            errors.Add("leadEmail", admin.T("'{0}' is not an e-mail address.", LeadEmail));
        }

        return errors.Any
            ? (null, errors)
            : (new RoutingSettings
            {
                Rules = rules, SlaHours = sla, ReassignAfterHours = reassign, TimeZoneId = TimeZone, Opens = opens!.Value, Closes = closes!.Value,
                Days = Days, RegionalLeadEmail = LeadEmail.Length == 0 ? null : LeadEmail,
            }, errors);
    }

    private List<RoutingRule> ParseRules(AdminRequest admin, FormErrors errors)
    {
        var rules = new List<RoutingRule>();
        var lines = Rules.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length is 0 or > 50)
        {
            errors.Add("rules", admin.T("The ladder needs between 1 and 50 rules."));
            return rules;
        }

        foreach (var line in lines)
        {
            var parts = line.Split('|', 2, StringSplitOptions.TrimEntries);
            var name = parts[0];
            if (name.Length is 0 or > 64 || rules.Exists(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase)))
            {
                errors.Add("rules", admin.T("'{0}': each rule needs a name of at most 64 characters, different from the others.", line));
                return rules;
            }

            if (rules.Exists(r => r.Inbox is not null))
            {
                errors.Add("rules", admin.T("'{0}': no rule can follow the catch-all inbox rule.", line));
                return rules;
            }

            var what = parts.Length > 1 ? parts[1] : string.Empty;
            if (what.StartsWith("inbox:", StringComparison.OrdinalIgnoreCase))
            {
                var address = what["inbox:".Length..].Trim();
                if (!IsEmail(address))
                {
                    errors.Add("rules", admin.T("'{0}': '{1}' is not an e-mail address.", line, address));
                    return rules;
                }

                rules.Add(new RoutingRule(name, RoutingCriteria.None, address));
                continue;
            }

            var criteria = RoutingCriteria.None;
            foreach (var word in what.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var known = Array.Find(Words, w => string.Equals(w.Word, word, StringComparison.OrdinalIgnoreCase));
                if (known.Word is null)
                {
                    errors.Add("rules", admin.T("'{0}': '{1}' is not a criterion (destination, specialty, language, country) nor 'inbox: address'.", line, word));
                    return rules;
                }

                criteria |= known.Criterion;
            }

            rules.Add(new RoutingRule(name, criteria));
        }

        return rules;
    }

    private static string Format(RoutingRule rule) =>
        rule.Inbox is { Length: > 0 } inbox
            ? $"{rule.Name} | inbox: {inbox}"
            : $"{rule.Name} | {string.Join(", ", Words.Where(w => rule.Criteria.HasFlag(w.Criterion)).Select(w => w.Word))}";

    private static double Hours(AdminRequest admin, FormErrors errors, string field, string text)
    {
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var hours) && hours > 0 && hours <= 240)
        {
            return hours;
        }

        errors.Add(field, admin.T("'{0}' is not a number of working hours between 0 and 240 (e.g. 2 or 1.5).", text));
        return 0;
    }

    private static TimeOnly? Time(AdminRequest admin, FormErrors errors, string field, string text)
    {
        if (TimeOnly.TryParseExact(text, ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }

        errors.Add(field, admin.T("'{0}' is not a time of day (HH:mm, e.g. 09:00).", text));
        return null;
    }

    private static bool IsEmail(string value) =>
        value.Length <= 254 && MailAddress.TryCreate(value, out var address) && address.Address == value && value.Contains('.', StringComparison.Ordinal);
}
