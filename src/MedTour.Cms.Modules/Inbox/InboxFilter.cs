using System.Globalization;
using MedTour.Cms.Modules.Admin;
using MedTour.Cms.Modules.Admin.Shell;
using Microsoft.AspNetCore.Http;

namespace MedTour.Cms.Modules.Inbox;

/// <summary>The inbox list's query string: status, received from/to (dates, inclusive), condition (text), coordinator, page.</summary>
public sealed record InboxFilter(string? Status, DateOnly? From, DateOnly? To, string? Condition, string? Coordinator, int Page)
{
    /// <summary>The coordinator filter's value for requests assigned to nobody.</summary>
    public const string Unassigned = "none";
    public const int MaxConditionLength = 200;

    public static InboxFilter Default { get; } = new(null, null, null, null, null, 1);

    public static InboxFilter Parse(IQueryCollection query, IReadOnlyList<InboxCoordinator> coordinators, AdminRequest admin, FormErrors errors)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(admin);
        ArgumentNullException.ThrowIfNull(errors);
        var status = Value(query, "status");
        if (status is not null && !InboxStatuses.All.Contains(status))
        {
            errors.Add("status", admin.T("Status: choose one of the listed statuses."));
        }

        var from = Date(query, "from", admin.T("From: enter a date as YYYY-MM-DD."), errors);
        var to = Date(query, "to", admin.T("To: enter a date as YYYY-MM-DD."), errors);
        if (from is not null && to is not null && from > to)
        {
            errors.Add("to", admin.T("To: must not be before From."));
        }

        var condition = Value(query, "condition");
        if (condition is { Length: > MaxConditionLength })
        {
            errors.Add("condition", admin.T("Condition: at most {0} characters.", MaxConditionLength));
        }

        var coordinator = Value(query, "coordinator");
        if (coordinator is not null && coordinator != Unassigned && coordinators.All(c => c.Id != coordinator))
        {
            errors.Add("coordinator", admin.T("Coordinator: choose one of the listed coordinators."));
        }

        var page = 1;
        if (Value(query, "page") is { } text && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page < 1 || page > 100_000))
        {
            errors.Add("page", admin.T("Page: enter a page number."));
            page = 1;
        }

        return new InboxFilter(status, from, to, condition, coordinator, page);
    }

    public Dictionary<string, string?> ToQuery(int? page = null)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        Add(values, "status", Status);
        Add(values, "from", From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add(values, "to", To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add(values, "condition", Condition);
        Add(values, "coordinator", Coordinator);
        var chosen = page ?? Page;
        if (chosen > 1)
        {
            values["page"] = chosen.ToString(CultureInfo.InvariantCulture);
        }

        return values;
    }

    private static void Add(Dictionary<string, string?> values, string name, string? value)
    {
        if (value is not null)
        {
            values[name] = value;
        }
    }

    private static string? Value(IQueryCollection query, string name) =>
        query[name].ToString().Trim() is { Length: > 0 } value ? value : null;

    private static DateOnly? Date(IQueryCollection query, string name, string message, FormErrors errors)
    {
        if (Value(query, name) is not { } text)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(name, message);
        return null;
    }
}
