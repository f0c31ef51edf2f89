using System.Text.RegularExpressions;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using MedTour.Cms.Modules.Search.Lucene;

namespace MedTour.Cms.Modules.Search.Querying;

/// <summary>
/// Turns what a patient typed into a Lucene query without Lucene's syntax (so no input is a syntax error): every
/// word must match in the title, terms, summary or body (boosted in that order), "quoted text" as a phrase; the
/// fuzzy variant tolerates one or two typos per word. Stateless.
/// </summary>
public static partial class UserQuery
{
    public static IReadOnlyList<IReadOnlyList<string>> Parse(string text, Analyzer analyzer)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        var groups = new List<IReadOnlyList<string>>();
        var rest = Phrase().Replace(text, match =>
        {
            var tokens = Analyze(analyzer, match.Groups[1].Value);
            if (tokens.Count > 0)
            {
                groups.Add(tokens);
            }

            return " ";
        });
        foreach (var token in Analyze(analyzer, rest.Replace('"', ' ')))
        {
            groups.Add([token]);
        }

        return groups;
    }

    /// <summary>
    /// Each word (or phrase) must be in the document's full text (title, summary, terms and body in one field: one
    /// posting list per word, intersected cheaply); matches in the title, terms and summary add their boosts as
    /// optional clauses. Checking every field per word (a disjunction per word) cost most of a broad query's time.
    /// </summary>
    public static Query Build(IReadOnlyList<IReadOnlyList<string>> groups, SearchOptions options, bool fuzzy)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(options);
        var boosts = new (string Name, float Boost)[]
        {
            (SearchFields.Title, options.TitleBoost), (SearchFields.Terms, options.TermsBoost), (SearchFields.Summary, options.SummaryBoost),
        };
        var query = new BooleanQuery(disableCoord: true);
        foreach (var group in groups)
        {
            var required = Clause(SearchFields.FullText, group, fuzzy);
            required.Boost = options.BodyBoost;
            query.Add(required, Occur.MUST);
            foreach (var (name, boost) in boosts)
            {
                var optional = Clause(name, group, fuzzy);
                optional.Boost = boost;
                query.Add(optional, Occur.SHOULD);
            }
        }

        return query;
    }

    private static Query Clause(string field, IReadOnlyList<string> group, bool fuzzy) =>
        group.Count > 1 ? PhraseOf(field, group) : fuzzy && group[0].Length > 3
            ? new FuzzyQuery(new Term(field, group[0]), group[0].Length > 6 ? 2 : 1, prefixLength: 1)
            : new TermQuery(new Term(field, group[0]));

    private static PhraseQuery PhraseOf(string field, IReadOnlyList<string> tokens)
    {
        var phrase = new PhraseQuery();
        foreach (var token in tokens)
        {
            phrase.Add(new Term(field, token));
        }

        return phrase;
    }

    private static List<string> Analyze(Analyzer analyzer, string text)
    {
        var tokens = new List<string>();
        using var stream = analyzer.GetTokenStream(SearchFields.Body, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            tokens.Add(term.ToString());
        }

        stream.End();
        return tokens;
    }

    [GeneratedRegex("\"([^\"]*)\"")]
    private static partial Regex Phrase();
}
