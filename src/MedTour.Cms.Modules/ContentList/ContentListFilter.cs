using System.Globalization;
using MedTour.Cms.Modules.Admin;
using MedTour.Cms.Modules.Admin.Shell;
using Microsoft.AspNetCore.Http;

namespace MedTour.Cms.Modules.ContentList;

public enum ContentStatus
{
    Any,
    Draft,
    Published,
    Scheduled,
}

public enum ContentSort
{
    Modified,
    Title,
    Published,
}

/// <summary>
/// The content list's query string: type, status, culture, author (owner), text, sort, direction and page. A value
/// that names no type, status, culture or sort of this site is an error on its field (the page answers 400).
/// </summary>
public sealed record ContentListFilter(
    string? Type, ContentStatus Status, string? Culture, string? Author, string? Text, ContentSort Sort, bool Descending, int Page)
{
    public const int PageSize = 20;

    public static ContentListFilter Default { get; } = new(null, ContentStatus.Any, null, null, null, ContentSort.Modified, true, 1);

    public static ContentListFilter Parse(IQueryCollection query, IReadOnlyCollection<string> types, IReadOnlyCollection<string> cultures, AdminRequest admin, FormErrors errors)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(admin);
        ArgumentNullException.ThrowIfNull(errors);
        var type = Value(query, "type");
        if (type is not null && !types.Contains(type))
        {
            errors.Add("type", admin.T("Type: '{0}' is not a content type of this site.", type));
        }

        var status = ContentStatus.Any;
        if (Value(query, "status") is { } statusText && !TryEnum(statusText, out status))
        {
            errors.Add("status", admin.T("Status: choose draft, published or scheduled."));
        }

        var culture = Value(query, "culture");
        if (culture is not null && !cultures.Contains(culture, StringComparer.OrdinalIgnoreCase))
        {
            errors.Add("culture", admin.T("Culture: '{0}' is not a culture of this site ({1}).", culture, string.Join(", ", cultures)));
        }

        var sort = ContentSort.Modified;
        if (Value(query, "sort") is { } sortText && !TryEnum(sortText, out sort))
        {
            errors.Add("sort", admin.T("Sort: choose title, modified or published."));
        }

        var descending = sort != ContentSort.Title;
        if (Value(query, "dir") is { } direction)
        {
            if (direction is not ("asc" or "desc"))
            {
                errors.Add("dir", admin.T("Direction: asc or desc."));
            }

            descending = direction == "desc";
        }

        var page = 1;
        if (Value(query, "page") is { } pageText && (!int.TryParse(pageText, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page < 1 || page > 100_000))
        {
            errors.Add("page", admin.T("Page: a whole number from 1."));
            page = 1;
        }

        return new ContentListFilter(type, status, culture?.ToLowerInvariant(), Value(query, "author"), Value(query, "text"), sort, descending, page);
    }

    /// <summary>The query string of this filter with some values replaced (for sort and page links).</summary>
    public Dictionary<string, string?> ToQuery(int? page = null, ContentSort? sort = null, bool? descending = null)
    {
        var values = new Dictionary<string, string?>();
        Add(values, "type", Type);
        Add(values, "status", Status == ContentStatus.Any ? null : Status.ToString().ToLowerInvariant());
        Add(values, "culture", Culture);
        Add(values, "author", Author);
        Add(values, "text", Text);
        Add(values, "sort", (sort ?? Sort).ToString().ToLowerInvariant());
        Add(values, "dir", descending ?? Descending ? "desc" : "asc");
        Add(values, "page", (page ?? Page).ToString(CultureInfo.InvariantCulture));
        return values;
    }

    private static void Add(Dictionary<string, string?> values, string key, string? value)
    {
        if (value is not null)
        {
            values[key] = value;
        }
    }

    /// <summary>Only the names: <c>Enum.TryParse</c> alone would take "2" or "any".</summary>
    private static bool TryEnum<T>(string text, out T value) where T : struct, Enum
    {
        var name = Enum.GetNames<T>().FirstOrDefault(n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase) && n != "Any");
        value = name is null ? default : Enum.Parse<T>(name);
        return name is not null;
    }

    private static string? Value(IQueryCollection query, string name) => query[name].ToString().Trim() is { Length: > 0 } value ? value : null;
}
