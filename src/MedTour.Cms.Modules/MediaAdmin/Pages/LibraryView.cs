using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace MedTour.Cms.Modules.MediaAdmin.Pages;

/// <summary>
/// Where the library page is and how it was opened: the folder, and picker mode (<c>?picker=1&amp;field=…</c>, opened
/// by an editor's media field: choosing a file hands its path to <see cref="Field"/>). Every link and form of the page
/// keeps both, so browsing and uploading stay in picker mode.
/// </summary>
public sealed partial record LibraryView(string Folder, bool Picker, string? Field)
{
    /// <summary>The query of a library URL for <paramref name="folder"/> (default: this one) in the same mode.</summary>
    public string Query(string? folder = null)
    {
        var parts = new List<string>();
        var target = folder ?? Folder;
        if (target.Length > 0)
        {
            parts.Add("folder=" + Uri.EscapeDataString(target));
        }

        if (Picker)
        {
            parts.Add("picker=1");
            if (Field is not null)
            {
                parts.Add("field=" + Uri.EscapeDataString(Field));
            }
        }

        return parts.Count == 0 ? string.Empty : "?" + string.Join('&', parts);
    }

    /// <summary>The view named by a query or a posted form; <c>error</c> names the field that is not acceptable.</summary>
    public static (LibraryView View, string? Error) From(string? folder, string? picker, string? field)
    {
        var isPicker = picker is "1" or "true";
        if (!string.IsNullOrEmpty(field) && !FieldName().IsMatch(field))
        {
            return (new LibraryView(folder ?? string.Empty, isPicker, null), "field");
        }

        return (new LibraryView(folder ?? string.Empty, isPicker, string.IsNullOrEmpty(field) ? null : field), null);
    }

    public static (LibraryView View, string? Error) From(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return From(query["folder"], query["picker"], query["field"]);
    }

    public static (LibraryView View, string? Error) From(IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return From(form["folder"], form["picker"], form["field"]);
    }

    /// <summary>An editor's field id: letters, digits and <c>_ - . : [ ]</c>, as form field names are.</summary>
    [GeneratedRegex(@"^[A-Za-z0-9_\-\.:\[\]]{1,200}$")]
    private static partial Regex FieldName();
}
