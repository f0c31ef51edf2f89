using System.Text.Json.Nodes;
using Lucene.Net.Analysis;
using Lucene.Net.Documents;
using Lucene.Net.Util;
using MedTour.Cms.Content;
using MedTour.Cms.Content.Parts;
using MedTour.Cms.Modules.Search.Lucene;
using Microsoft.Extensions.Options;

namespace MedTour.Cms.Modules.Search.Indexing;

/// <summary>
/// Turns one published item into its search document: Orchard's <c>Content.ContentItem.*</c> fields, then title,
/// summary, body text and terms (names of conditions, specialties, countries, clinics, doctors, the city) as
/// <see cref="SearchOptions.Types"/> says, facets as doc values, and stored values for the result list. Singleton, stateless.
/// </summary>
public sealed class SearchDocumentBuilder(IOptions<SearchOptions> options)
{
    /// <param name="htmlBodyKeyed">The HTML body also under Orchard's keys (see <see cref="IndexedTypes"/>).</param>
    public Document Build(ContentItem item, ReferenceTitles titles, Analyzer analyzer, bool htmlBodyKeyed = false)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(titles);
        ArgumentNullException.ThrowIfNull(analyzer);
        var settings = options.Value.For(item.ContentType);
        // Each text is analyzed once; the fields that index it replay its tokens (see AnalyzedText).
        var title = AnalyzedText.Analyze(analyzer, SearchFields.Title, item.DisplayText);
        var replay = new AnalyzedText.TokenReplay();
        var doc = new Document
        {
            new StringField(SearchFields.ContentItemId, item.ContentItemId, Field.Store.YES),
            new StringField(SearchFields.ContentItemVersionId, item.ContentItemVersionId, Field.Store.YES),
            new StringField(SearchFields.ContentType, item.ContentType, Field.Store.YES),
            new SortedDocValuesField(SearchFields.FacetField("type"), new BytesRef(item.ContentType)),
            new StringField(SearchFields.Published, "true", Field.Store.NO),
            new StringField(SearchFields.Latest, item.Latest ? "true" : "false", Field.Store.NO),
            new StringField(SearchFields.Culture, AutoroutePartHandler.CultureOf(item), Field.Store.YES),
            new StoredField(SearchFields.DisplayText, item.DisplayText),
            title.Field(SearchFields.DisplayText, replay),
            new StringField(SearchFields.DisplayTextKeyword, item.DisplayText, Field.Store.NO),
            new SortedDocValuesField(SearchFields.DisplayTextKeyword, new BytesRef(item.DisplayText)),
            title.Field(SearchFields.Title, replay),
        };
        AddDate(doc, SearchFields.CreatedUtc, item.CreatedUtc);
        AddDate(doc, SearchFields.ModifiedUtc, item.ModifiedUtc);
        AddDate(doc, SearchFields.PublishedUtc, item.PublishedUtc);
        AddKeyword(doc, SearchFields.Owner, item.Owner);
        AddKeyword(doc, SearchFields.Author, item.Author);
        if (Text(item.FindPart("AutoroutePart")?["Path"]) is { Length: > 0 } path)
        {
            doc.Add(new StoredField(SearchFields.Url, path.Trim('/')));
        }

        var sources = new Dictionary<string, (string Text, AnalyzedText Tokens)>(StringComparer.Ordinal);
        var summary = Sources(settings.Summary, item, titles, analyzer, sources);
        var body = Sources(settings.Body, item, titles, analyzer, sources);
        var terms = Sources(settings.Terms, item, titles, analyzer, sources);
        doc.Add(title.Field(SearchFields.FullText, replay));
        foreach (var (name, parts) in new[] { (SearchFields.Summary, summary), (SearchFields.Terms, terms), (SearchFields.Body, body) })
        {
            // Stored for the result list and snippets. Body is not indexed on its own: queries match it in the full text.
            doc.Add(new StoredField(name, Join(parts.Select(p => p.Text))));
            foreach (var part in parts)
            {
                if (name != SearchFields.Body)
                {
                    doc.Add(part.Tokens.Field(name, replay));
                }

                doc.Add(part.Tokens.Field(SearchFields.FullText, replay));
            }
        }

        AddFacet(doc, SearchFields.Country, item, settings.Country, titles);
        AddFacet(doc, SearchFields.Specialty, item, settings.Specialty, titles);
        AddPartFields(doc, item, analyzer, replay, sources, (item.DisplayText, title), htmlBodyKeyed);
        return doc;
    }

    /// <summary>The texts of each "Part.Field" path, analyzed once per path (a path may feed two search fields).</summary>
    private static List<(string Text, AnalyzedText Tokens)> Sources(IEnumerable<string> paths, ContentItem item, ReferenceTitles titles, Analyzer analyzer,
        Dictionary<string, (string Text, AnalyzedText Tokens)> sources)
    {
        var found = new List<(string Text, AnalyzedText Tokens)>();
        foreach (var path in paths)
        {
            if (!sources.TryGetValue(path, out var source))
            {
                var text = Join(Values(item, path, titles));
                source = (text, AnalyzedText.Analyze(analyzer, SearchFields.FullText, text));
                sources[path] = source;
            }

            if (source.Text.Length > 0)
            {
                found.Add(source);
            }
        }

        return found;
    }

    /// <summary>
    /// Every text-like field also under Orchard's "{Type}.{Part}.{Field}" name, for Orchard-style queries. A field that is
    /// already a source of the search fields replays their tokens instead of being analyzed again. The HTML body goes
    /// under Orchard's keys ("HtmlBodyPart", "{Type}.HtmlBodyPart": the tokens of its text, as Orchard indexes HTML
    /// sanitized) only when the type's definition includes it, as in Orchard.
    /// </summary>
    private static void AddPartFields(Document doc, ContentItem item, Analyzer analyzer, AnalyzedText.TokenReplay replay, Dictionary<string, (string Text, AnalyzedText Tokens)> sources,
        (string Text, AnalyzedText Tokens) title, bool htmlBodyKeyed)
    {
        Field Tokens(string path, string name, string text) =>
            (sources.TryGetValue(path, out var source) && (source.Text == text || path.EndsWith(".Html", StringComparison.Ordinal)) ? source.Tokens
            : text == title.Text ? title.Tokens
            : AnalyzedText.Analyze(analyzer, name, text)).Field(name, replay);

        foreach (var (partName, partNode) in item.Content)
        {
            if (partNode is not JsonObject part)
            {
                continue;
            }

            foreach (var (fieldName, node) in part)
            {
                var path = $"{partName}.{fieldName}";
                var name = $"{item.ContentType}.{path}";
                switch (node)
                {
                    case JsonValue when path == "HtmlBodyPart.Html":
                        if (htmlBodyKeyed && Text(node) is { } html)
                        {
                            var tokens = sources.TryGetValue(path, out var source) ? source.Tokens : AnalyzedText.Analyze(analyzer, partName, SearchableText.FromHtml(html));
                            doc.Add(tokens.Field(partName, replay));
                            doc.Add(tokens.Field($"{item.ContentType}.{partName}", replay));
                        }

                        break;
                    case JsonValue value when value.TryGetValue<string>(out var text):
                        doc.Add(Tokens(path, path, text));
                        break;
                    case JsonObject field when field["Text"] is JsonValue t && t.TryGetValue<string>(out var text):
                        doc.Add(Tokens(path, name, text));
                        doc.Add(new StringField(name + ".keyword", text, Field.Store.NO));
                        break;
                    case JsonObject field when field["Value"] is JsonValue v && v.TryGetValue<decimal>(out var number):
                        doc.Add(new DoubleField(name, (double)number, Field.Store.NO));
                        break;
                    case JsonObject field when field["TermContentItemIds"] is JsonArray ids:
                        foreach (var id in ids.OfType<JsonValue>())
                        {
                            doc.Add(new StringField(name + ".TermContentItemIds", id.ToString(), Field.Store.NO));
                        }

                        break;
                }
            }
        }
    }

    private static void AddFacet(Document doc, string facet, ContentItem item, string? field, ReferenceTitles titles)
    {
        if (field is null || FieldJson(item, field)?["TermContentItemIds"] is not JsonArray ids)
        {
            return;
        }

        foreach (var id in ids.OfType<JsonValue>().Select(v => v.ToString()).Distinct(StringComparer.Ordinal))
        {
            doc.Add(new StringField(facet, id, Field.Store.NO));
            doc.Add(new SortedSetDocValuesField(SearchFields.FacetField(facet), new BytesRef(id + SearchFields.FacetSeparator + (titles.Find(id) ?? id))));
        }
    }

    /// <summary>The texts of one "Part.Field" (or "Part.Property") of an item: text, HTML as plain text, several values, or referenced titles.</summary>
    private static IEnumerable<string> Values(ContentItem item, string path, ReferenceTitles titles)
    {
        var dot = path.IndexOf('.', StringComparison.Ordinal);
        var node = item.FindPart(path[..dot])?[path[(dot + 1)..]];
        switch (node)
        {
            case JsonValue value when value.TryGetValue<string>(out var text):
                yield return path.EndsWith(".Html", StringComparison.Ordinal) ? SearchableText.FromHtml(text) : text;
                break;
            case JsonObject field:
                if (Text(field["Text"]) is { } fieldText)
                {
                    yield return fieldText;
                }

                if (Text(field["Html"]) is { } html)
                {
                    yield return SearchableText.FromHtml(html);
                }

                foreach (var listed in new[] { "Values", "TermContentItemIds", "ContentItemIds" })
                {
                    if (field[listed] is not JsonArray values)
                    {
                        continue;
                    }

                    foreach (var v in values.OfType<JsonValue>().Select(v => v.ToString()))
                    {
                        yield return listed == "Values" ? v : titles.Find(v) ?? string.Empty;
                    }
                }

                break;
        }
    }

    private static JsonObject? FieldJson(ContentItem item, string path)
    {
        var dot = path.IndexOf('.', StringComparison.Ordinal);
        return item.FindPart(path[..dot])?[path[(dot + 1)..]] as JsonObject;
    }

    private static string Join(IEnumerable<string> values) => string.Join(" \n", values.Where(v => v.Length > 0));

    private static void AddDate(Document doc, string name, DateTime? value)
    {
        if (value is { } date)
        {
            doc.Add(new Int64Field(name, date.Ticks, Field.Store.YES));
            doc.Add(new NumericDocValuesField(name, date.Ticks));
        }
    }

    private static void AddKeyword(Document doc, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            doc.Add(new StringField(name, value, Field.Store.YES));
        }
    }

    /// <summary>A JSON string's text; null for anything else (odd stored values are skipped, not fatal).</summary>
    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
