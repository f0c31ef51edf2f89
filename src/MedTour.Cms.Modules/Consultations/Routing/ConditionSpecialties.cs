using System.Text;
using System.Text.Json.Nodes;
using MedTour.Cms.Content;
using MedTour.Cms.Content.Caching;

namespace MedTour.Cms.Modules.Consultations.Routing;

/// <summary>
/// Turns the patient's free-text condition into specialty term ids, so the ladder's specialty rungs can match a
/// coordinator's <c>Specialties</c> (ADR 0034). The site's condition terms (<c>taxonomy-conditions</c>) each name their
/// specialties (<c>Condition.Specialties</c>, a TaxonomyField); a condition matches a term when, compared without case,
/// punctuation or extra spaces, it is the term's name or contains it as whole words (the article's call to action fills
/// in the name; a patient may add words around it). Naming a specialty term itself (or any term's id, as a headless
/// client may) matches too. Text that names no term maps to nothing: the ladder goes on to the rungs without specialty.
/// </summary>
public sealed class ConditionSpecialties(PublishedContent published)
{
    public const string ConditionsTaxonomy = "taxonomy-conditions";
    public const string SpecialtiesTaxonomy = "taxonomy-specialties";

    /// <summary>The specialty term ids (lower case) the condition names, from the site's published taxonomies.</summary>
    public async Task<IReadOnlySet<string>> ForAsync(string? condition)
    {
        if (string.IsNullOrWhiteSpace(condition))
        {
            return new HashSet<string>();
        }

        // The published-content cache: read once per content version, not once per consultation.
        async Task<IEnumerable<JsonObject>> TermsAsync(string id) =>
            (await published.GetAsync(id))?.FindPart("TaxonomyPart")?["Terms"] is JsonArray terms ? terms.OfType<JsonObject>() : [];
        return Map(condition, await TermsAsync(ConditionsTaxonomy), await TermsAsync(SpecialtiesTaxonomy));
    }

    /// <summary>The pure mapping: <paramref name="conditionTerms"/> and <paramref name="specialtyTerms"/> in the taxonomy item's shape.</summary>
    public static IReadOnlySet<string> Map(string? condition, IEnumerable<JsonObject> conditionTerms, IEnumerable<JsonObject> specialtyTerms)
    {
        ArgumentNullException.ThrowIfNull(conditionTerms);
        ArgumentNullException.ThrowIfNull(specialtyTerms);
        var result = new HashSet<string>(StringComparer.Ordinal);
        var text = Normalize(condition);
        if (text.Length == 0)
        {
            return result;
        }

        foreach (var term in conditionTerms)
        {
            if (Names(term, text))
            {
                var ids = term["Condition"]?["Specialties"]?["TermContentItemIds"] as JsonArray ?? [];
                result.UnionWith(ids.Select(Text).OfType<string>().Select(s => s.ToLowerInvariant()));
            }
        }

        foreach (var term in specialtyTerms)
        {
            if (Names(term, text) && Text(term["ContentItemId"]) is { } id)
            {
                result.Add(id.ToLowerInvariant());
            }
        }

        return result;
    }

    private static bool Names(JsonObject term, string text)
    {
        if (Text(term["ContentItemId"]) is { } id && text == Normalize(id))
        {
            return true;
        }

        var name = Normalize(Text(term["DisplayText"]) ?? Text(term["TitlePart"]?["Title"]));
        return name.Length > 0 && (" " + text + " ").Contains(" " + name + " ", StringComparison.Ordinal);
    }

    /// <summary>Lower case, letters and digits only (apostrophes of any kind dropped), single spaces between words.</summary>
    private static string Normalize(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(value.Length);
        foreach (var c in value.Trim().ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(c);
            }
            else if (c is '\'' or '’' or 'ʼ' or '`')
            {
                // "обов’язковий" and "обов'язковий" are one word.
            }
            else if (builder.Length > 0 && builder[^1] != ' ')
            {
                builder.Append(' ');
            }
        }

        return builder.ToString().TrimEnd();
    }

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) && s.Trim().Length > 0 ? s.Trim() : null;
}
