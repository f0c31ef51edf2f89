using MedTour.Cms.Content;
using MedTour.Cms.Data;
using MedTour.Cms.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace MedTour.Cms.Modules.Versions;

/// <summary>A member of an item's localization set, as the translate page lists it.</summary>
public sealed record TranslationMember(string ContentItemId, string Culture, string DisplayText, bool Published, bool HasDraft);

/// <summary>
/// Creates an item's counterpart in another culture of this site: a draft copy of the source's latest version in the
/// same localization set (Orchard's LocalizationPart), with the target culture and a path generated afresh, owned by
/// the translator. One member per culture per set. Scoped.
/// </summary>
public sealed class ContentTranslator(ContentManager content, CmsDbContext db, CurrentTenant tenant)
{
    public const string Part = "LocalizationPart";

    public static string? SetOf(ContentItem item) => item?.FindPart(Part)?["LocalizationSet"]?.ToString() is { Length: > 0 } set ? set : null;

    public static string? CultureOf(ContentItem item) => item?.FindPart(Part)?["Culture"]?.ToString();

    public async Task<IReadOnlyList<TranslationMember>> MembersAsync(string localizationSet, CancellationToken cancellationToken = default)
    {
        var rows = await db.Localizations.AsNoTracking().Where(l => l.LocalizationSet == localizationSet)
            .Select(l => new { l.ContentItemId, l.Culture }).ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.ContentItemId).ToList();
        var versions = await db.ContentItems.AsNoTracking().Where(x => ids.Contains(x.ContentItemId) && (x.Latest || x.Published))
            .Select(x => new { x.ContentItemId, x.DisplayText, x.Latest, x.Published }).ToListAsync(cancellationToken);
        return [.. rows.OrderBy(r => r.Culture, StringComparer.Ordinal).Select(r =>
        {
            var mine = versions.Where(v => v.ContentItemId == r.ContentItemId).ToList();
            var latest = mine.Find(v => v.Latest);
            return new TranslationMember(r.ContentItemId, r.Culture, latest?.DisplayText ?? string.Empty, mine.Exists(v => v.Published), latest is { Published: false });
        })];
    }

    /// <summary>The cultures of this site the set has no member in yet.</summary>
    public IReadOnlyList<string> MissingCultures(IReadOnlyList<TranslationMember> members) =>
        [.. tenant.Settings.Cultures.Where(c => !members.Any(m => string.Equals(m.Culture, c, StringComparison.OrdinalIgnoreCase)))];

    /// <summary>The new draft; throws <see cref="ContentValidationException"/> naming <c>culture</c> when it cannot be made.</summary>
    public async Task<ContentItem> TranslateAsync(ContentItem source, string culture, string? owner)
    {
        ArgumentNullException.ThrowIfNull(source);
        var set = SetOf(source) ?? throw Invalid("the item has no localization set (its type has no LocalizationPart).");
        if (!tenant.Settings.Cultures.Contains(culture, StringComparer.OrdinalIgnoreCase))
        {
            throw Invalid($"'{culture}' is not a culture of this site ({string.Join(", ", tenant.Settings.Cultures)}).");
        }

        if (await db.Localizations.AnyAsync(l => l.LocalizationSet == set && l.Culture == culture))
        {
            throw Invalid($"the item already has a translation in '{culture}'.");
        }

        var copy = source.CloneVersion();
        copy.ContentItemId = ContentIds.New();
        copy.ContentItemVersionId = string.Empty;
        copy.CreatedUtc = null;
        copy.PublishedUtc = null;
        copy.Owner = owner;
        copy.Author = owner;
        copy.FindPart("AutoroutePart")?.Remove("Path");
        copy.FindPart("PublishLaterPart")?.Remove("ScheduledPublishUtc");
        var localization = copy.Part(Part);
        localization["Culture"] = culture;
        localization["LocalizationSet"] = set;
        await content.CreateAsync(copy, VersionOptions.Draft);
        return copy;
    }

    private static ContentValidationException Invalid(string message) => new([new ContentValidationError("culture", message)]);
}
