using System.Globalization;
using MedTour.Cms.Modules.Admin;
using MedTour.Cms.Modules.Admin.Shell;
using Microsoft.AspNetCore.Http;

namespace MedTour.Cms.Modules.AuditTrail;

/// <summary>The audit trail's filters, read from the query string; a value that names nothing known is an error on its field.</summary>
public sealed record AuditTrailFilter(string? Event, string? User, string? Type, DateOnly? From, DateOnly? To, int Page)
{
    public const int PageSize = 50;

    public static AuditTrailFilter Parse(IQueryCollection query, IReadOnlyCollection<string> contentTypes, AdminRequest admin, FormErrors errors)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(admin);
        ArgumentNullException.ThrowIfNull(errors);
        var eventName = Value(query, "event");
        if (eventName is not null && !AuditEvents.All.Contains(eventName))
        {
            errors.Add("event", admin.T("Event: choose one of {0}.", string.Join(", ", AuditEvents.All)));
        }

        var type = Value(query, "type");
        if (type is not null && !contentTypes.Contains(type))
        {
            errors.Add("type", admin.T("Type: '{0}' is not a content type of this site.", type));
        }

        var from = Date(query, "from", admin, errors);
        var to = Date(query, "to", admin, errors);
        if (from is not null && to is not null && to < from)
        {
            errors.Add("to", admin.T("To: the end date is before the start date."));
        }

        var page = 1;
        if (Value(query, "page") is { } pageText && (!int.TryParse(pageText, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page < 1))
        {
            errors.Add("page", admin.T("Page: a whole number from 1."));
            page = 1;
        }

        return new AuditTrailFilter(eventName, Value(query, "user"), type, from, to, page);
    }

    private static string? Value(IQueryCollection query, string name) => query[name].ToString().Trim() is { Length: > 0 } value ? value : null;

    private static DateOnly? Date(IQueryCollection query, string name, AdminRequest admin, FormErrors errors)
    {
        if (Value(query, name) is not { } text)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(name, admin.T("{0}: a date as YYYY-MM-DD.", name == "from" ? admin.T("From") : admin.T("To")));
        return null;
    }
}
