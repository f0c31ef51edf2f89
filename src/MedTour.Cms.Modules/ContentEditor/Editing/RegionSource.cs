using MedTour.Cms.Content;
using MedTour.Cms.Modules.Admin;
using MedTour.Cms.Modules.Admin.Shell;
using MedTour.Cms.Modules.ContentEditor.Pages;
using MedTour.Cms.Modules.Versions;
using MedTour.Cms.Modules.Versions.Regions;
using Microsoft.AspNetCore.Http;

namespace MedTour.Cms.Modules.ContentEditor.Editing;

/// <summary>
/// The create page as the start of a counterpart of another region's item (<c>?from=ukraine/ID&amp;culture=en</c>):
/// the form is prefilled from the source (see <see cref="TranslationPrefill"/>) and carries <c>from</c>, so the save
/// puts the new item in the source's localization set. The source is read again at the save, with the same checks.
/// </summary>
public sealed class RegionSource(RegionalTranslations regions, ContentTranslator translator, AdminRequest admin, IServiceProvider services)
{
    public const string FormField = "from";

    /// <summary>The source named by <paramref name="from"/> (<c>tenant/id</c>) of type <paramref name="type"/>, or the page to answer with.</summary>
    public async Task<(SourceLookup? Source, IResult? Denied)> FindAsync(string from, string type)
    {
        var slash = from.IndexOf('/', StringComparison.Ordinal);
        var source = slash <= 0 ? SourceLookup.NotFound : await regions.SourceAsync(from[..slash], from[(slash + 1)..], admin.User);
        if (source.Denied)
        {
            return (null, AdminResults.Page<ForbiddenPage>(statusCode: StatusCodes.Status403Forbidden));
        }

        return source.Item?.ContentType == type ? (source, null) : (null, AdminResults.Page<NotFoundPage>(statusCode: StatusCodes.Status404NotFound));
    }

    /// <summary>The counterpart in <paramref name="culture"/> (this site's default when it is not one of its cultures).</summary>
    public Task<Prefilled> PrefillAsync(SourceLookup source, string? culture)
    {
        ArgumentNullException.ThrowIfNull(source);
        var chosen = admin.Tenant.Cultures.FirstOrDefault(c => string.Equals(c, culture, StringComparison.OrdinalIgnoreCase)) ?? admin.Tenant.DefaultCulture;
        return TranslationPrefill.MakeAsync(source.Item!, source.References!, chosen, services);
    }

    /// <summary>Puts <paramref name="item"/> in the source's set; an error on the culture when this site already has that culture in the set.</summary>
    public async Task JoinSetAsync(SourceLookup source, ContentItem item, FormErrors errors)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(errors);
        var set = ContentTranslator.SetOf(source.Item!)!;
        var culture = ContentTranslator.CultureOf(item) ?? admin.Tenant.DefaultCulture;
        if ((await translator.MembersAsync(set)).Any(m => string.Equals(m.Culture, culture, StringComparison.OrdinalIgnoreCase)))
        {
            errors.Add("LocalizationPart.Culture", admin.T("Language: this site already has a translation of the item in '{0}'.", culture));
            return;
        }

        item.Part(ContentTranslator.Part)["LocalizationSet"] = set;
    }

    /// <summary>Shown above the prefilled form: where it comes from and what the translator must pick again.</summary>
    public string Notice(SourceLookup source, IReadOnlyList<string> notCarried, IEnumerable<EditorField> fields)
    {
        ArgumentNullException.ThrowIfNull(source);
        var origin = admin.T("Prefilled from '{0}' on {1}; saving adds it to the same localization set.", source.Item!.DisplayText, source.Region!.DisplayName ?? source.Region.Name);
        if (notCarried.Count == 0)
        {
            return origin;
        }

        var labels = notCarried.Select(path => fields.FirstOrDefault(f => f.Name == path)?.Label ?? path);
        return origin + " " + admin.T("Not carried over (no counterpart on this site), pick them here: {0}.", string.Join(", ", labels));
    }
}
