using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using MedTour.Cms.Modules.Search.Analysis;
using MedTour.Cms.Modules.Search.Lucene;

namespace MedTour.Cms.Modules.Search.Queries;

/// <summary>A parsed Orchard Lucene query: what to match, how to sort, which slice.</summary>
public sealed record ParsedQuery(Query Query, Sort? Sort, int From, int Size);

/// <summary>
/// Orchard's JSON query DSL for Lucene (an Elasticsearch subset): <c>query</c> with <c>match_all, term, terms, match,
/// match_phrase, bool, range, wildcard, prefix</c>; <c>sort</c>; <c>size</c>; <c>from</c>. Anything else is a
/// <see cref="QueryDslException"/> naming where it is. Stateless.
/// </summary>
public static class LuceneQueryDsl
{
    public const int MaxSize = 1000;

    private static readonly HashSet<string> DateFields = [SearchFields.CreatedUtc, SearchFields.ModifiedUtc, SearchFields.PublishedUtc];

    public static ParsedQuery Parse(string json, Analyzer analyzer)
    {
        JsonObject root;
        try
        {
            root = JsonNode.Parse(json) as JsonObject ?? throw new QueryDslException("$", "a query is a JSON object.");
        }
        catch (JsonException e)
        {
            throw new QueryDslException("$", "not valid JSON: " + e.Message);
        }

        var query = root["query"] is { } q ? Clause(q, "query", analyzer) : new MatchAllDocsQuery();
        var size = Integer(root["size"], "size", 10);
        var from = Integer(root["from"], "from", 0);
        if (size < 0 || size > MaxSize)
        {
            throw new QueryDslException("size", $"from 0 to {MaxSize}.");
        }

        if (from < 0)
        {
            throw new QueryDslException("from", "0 or more.");
        }

        return new ParsedQuery(query, root["sort"] is { } sort ? SortOf(sort) : null, from, size);
    }

    private static Query Clause(JsonNode node, string path, Analyzer analyzer)
    {
        if (node is not JsonObject clause || clause.Count != 1)
        {
            throw new QueryDslException(path, "a query clause is an object with one property (term, match, bool…).");
        }

        var (kind, body) = clause.First();
        var at = $"{path}.{kind}";
        return kind switch
        {
            "match_all" => new MatchAllDocsQuery(),
            "term" => Field(body, at, (field, value) => new TermQuery(new Term(field, Value(value, at)))),
            "terms" => Field(body, at, (field, value) => Terms(field, value, at)),
            "match" => Field(body, at, (field, value) => Match(field, value, at, analyzer)),
            "match_phrase" => Field(body, at, (field, value) => Phrase(field, value, at, analyzer)),
            "wildcard" => Field(body, at, (field, value) => new WildcardQuery(new Term(field, Value(value, at)))),
            "prefix" => Field(body, at, (field, value) => new PrefixQuery(new Term(field, Value(value, at)))),
            "range" => Field(body, at, (field, value) => Range(field, value, at)),
            "bool" => Bool(body, at, analyzer),
            _ => throw new QueryDslException(at, "not a supported query (match_all, term, terms, match, match_phrase, bool, range, wildcard, prefix)."),
        };
    }

    private static Query Field(JsonNode? body, string path, Func<string, JsonNode?, Query> build)
    {
        if (body is not JsonObject fields || fields.Count != 1)
        {
            throw new QueryDslException(path, "names one field: { \"Field.Name\": value }.");
        }

        var (field, value) = fields.First();
        var query = build(field, value);
        if (value is JsonObject options && options["boost"] is JsonValue boost && boost.TryGetValue<double>(out var factor))
        {
            query.Boost = (float)factor;
        }

        return query;
    }

    private static string Value(JsonNode? value, string path) => value switch
    {
        JsonObject options when options["value"] is { } inner => Value(inner, path),
        JsonObject options when options["query"] is { } inner => Value(inner, path),
        JsonValue v when v.TryGetValue<string>(out var text) => text,
        JsonValue v when v.TryGetValue<bool>(out var flag) => flag ? "true" : "false",
        JsonValue v => v.ToJsonString(),
        _ => throw new QueryDslException(path, "expects a value."),
    };

    private static BooleanQuery Terms(string field, JsonNode? value, string path)
    {
        if (value is not JsonArray values)
        {
            throw new QueryDslException(path, "expects an array of values.");
        }

        var any = new BooleanQuery();
        foreach (var item in values)
        {
            any.Add(new TermQuery(new Term(field, Value(item, path))), Occur.SHOULD);
        }

        return any;
    }

    private static BooleanQuery Match(string field, JsonNode? value, string path, Analyzer analyzer)
    {
        var and = value is JsonObject options && string.Equals(options["operator"]?.GetValue<string>(), "and", StringComparison.OrdinalIgnoreCase);
        var query = new BooleanQuery();
        foreach (var token in analyzer.Tokens(field, Value(value, path)))
        {
            query.Add(new TermQuery(new Term(field, token)), and ? Occur.MUST : Occur.SHOULD);
        }

        return query;
    }

    private static PhraseQuery Phrase(string field, JsonNode? value, string path, Analyzer analyzer)
    {
        var phrase = new PhraseQuery();
        foreach (var token in analyzer.Tokens(field, Value(value, path)))
        {
            phrase.Add(new Term(field, token));
        }

        return phrase;
    }

    private static Query Range(string field, JsonNode? value, string path)
    {
        if (value is not JsonObject bounds)
        {
            throw new QueryDslException(path, "expects { \"gte\": …, \"lt\": … }.");
        }

        string? Bound(string name) => bounds[name] is { } b ? Value(b, $"{path}.{name}") : null;
        var lower = Bound("gte") ?? Bound("gt");
        var upper = Bound("lte") ?? Bound("lt");
        var includeLower = bounds["gte"] is not null;
        var includeUpper = bounds["lte"] is not null;
        if (DateFields.Contains(field))
        {
            return NumericRangeQuery.NewInt64Range(field, Ticks(lower, path), Ticks(upper, path), includeLower, includeUpper);
        }

        if ((lower is null || double.TryParse(lower, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            && (upper is null || double.TryParse(upper, NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
        {
            return NumericRangeQuery.NewDoubleRange(field, Number(lower), Number(upper), includeLower, includeUpper);
        }

        return TermRangeQuery.NewStringRange(field, lower, upper, includeLower, includeUpper);
    }

    private static long? Ticks(string? value, string path) => value switch
    {
        null => null,
        "now" => DateTime.UtcNow.Ticks,
        _ when DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date) => date.Ticks,
        _ => throw new QueryDslException(path, $"'{value}' is not a date."),
    };

    private static double? Number(string? value) => value is null ? null : double.Parse(value, CultureInfo.InvariantCulture);

    private static BooleanQuery Bool(JsonNode? body, string path, Analyzer analyzer)
    {
        if (body is not JsonObject clauses)
        {
            throw new QueryDslException(path, "expects { \"must\": …, \"should\": …, \"must_not\": …, \"filter\": … }.");
        }

        var query = new BooleanQuery();
        var positive = false;
        foreach (var (occurrence, node) in clauses)
        {
            if (occurrence == "minimum_should_match" || occurrence == "boost")
            {
                continue;
            }

            var occur = occurrence switch
            {
                "must" or "filter" => Occur.MUST,
                "should" => Occur.SHOULD,
                "must_not" => Occur.MUST_NOT,
                _ => throw new QueryDslException($"{path}.{occurrence}", "not one of must, should, must_not, filter."),
            };
            positive |= occur != Occur.MUST_NOT;
            var list = node as JsonArray ?? [node?.DeepClone()];
            for (var i = 0; i < list.Count; i++)
            {
                query.Add(Clause(list[i]!, $"{path}.{occurrence}[{i}]", analyzer), occur);
            }
        }

        if (!positive)
        {
            // Only exclusions: Lucene matches nothing without a positive clause, Elasticsearch everything else.
            query.Add(new MatchAllDocsQuery(), Occur.MUST);
        }

        if (clauses["minimum_should_match"] is JsonValue minimum && minimum.TryGetValue<int>(out var count))
        {
            query.MinimumNumberShouldMatch = count;
        }

        return query;
    }

    private static Sort SortOf(JsonNode node)
    {
        var entries = node as JsonArray ?? [node.DeepClone()];
        var fields = new List<SortField>();
        for (var i = 0; i < entries.Count; i++)
        {
            var path = $"sort[{i}]";
            switch (entries[i])
            {
                case JsonValue v when v.TryGetValue<string>(out var name):
                    fields.Add(SortField(name, false, path));
                    break;
                case JsonObject o:
                    foreach (var (name, order) in o)
                    {
                        var direction = order is JsonObject options ? options["order"]?.GetValue<string>() : order?.GetValue<string>();
                        fields.Add(SortField(name, string.Equals(direction, "desc", StringComparison.OrdinalIgnoreCase), path));
                    }

                    break;
                default:
                    throw new QueryDslException(path, "a field name or { \"Field\": { \"order\": \"desc\" } }.");
            }
        }

        return new Sort([.. fields]);
    }

    private static SortField SortField(string name, bool descending, string path) => name switch
    {
        "_score" => new SortField(null, SortFieldType.SCORE, !descending),
        _ when DateFields.Contains(name) => new SortField(name, SortFieldType.INT64, descending),
        SearchFields.DisplayTextKeyword or SearchFields.DisplayText => new SortField(SearchFields.DisplayTextKeyword, SortFieldType.STRING, descending),
        _ => throw new QueryDslException(path, $"cannot sort by '{name}' (sortable: _score, {string.Join(", ", DateFields)}, {SearchFields.DisplayTextKeyword})."),
    };

    private static int Integer(JsonNode? node, string path, int fallback) => node switch
    {
        null => fallback,
        JsonValue v when v.TryGetValue<int>(out var number) => number,
        // A parameter left out of a template ("{{ size }}") reads as null: the default applies.
        JsonValue v when v.TryGetValue<string>(out var text) && text is "" or "null" => fallback,
        JsonValue v when v.TryGetValue<string>(out var text) && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => throw new QueryDslException(path, "expects a whole number."),
    };
}
