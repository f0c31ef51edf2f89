using System.Text.RegularExpressions;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using MedTour.Cms.Modules.Search.Analysis;
using MedTour.Cms.Modules.Search.Lucene;

namespace MedTour.Cms.Modules.Search.Querying;

/// <summary>
/// Turns what a patient typed into a Lucene query without Lucene's syntax (so no input is a syntax error): every
/// word must match in the title, terms, summary or body (boosted in that order), "quoted text" as a phrase; the
/// fuzzy variant tolerates one or two typos per word; the some-words variant asks for any of them (more words, higher
/// score). Stateless.
/// </summary>
public static partial class UserQuery
{
    public static IReadOnlyList<IReadOnlyList<string>> Parse(string text, Analyzer analyzer)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        var groups = new List<IReadOnlyList<string>>();
        var rest = Phrase().Replace(text, match =>
        {
            var tokens = analyzer.Tokens(SearchFields.Body, match.Groups[1].Value);
            if (tokens.Count > 0)
            {
                groups.Add(tokens);
            }

            return " ";
        });
        foreach (var token in analyzer.Tokens(SearchFields.Body, rest.Replace('"', ' ')))
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
    public static Query Build(IReadOnlyList<IReadOnlyList<string>> groups, SearchOptions options, IndexReader? fuzzyIn = null, bool someWords = false)
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
            var variants = fuzzyIn is not null && group.Count == 1 && group[0].Length > 3 ? Variants(group[0], fuzzyIn) : null;
            var required = variants is null ? Clause(SearchFields.FullText, group) : Either(SearchFields.FullText, variants);
            required.Boost = options.BodyBoost;
            query.Add(required, someWords ? Occur.SHOULD : Occur.MUST);
            foreach (var (name, boost) in boosts)
            {
                var optional = variants is null ? Clause(name, group) : Either(name, variants);
                optional.Boost = boost;
                query.Add(optional, Occur.SHOULD);
            }
        }

        return query;
    }

    private static Query Clause(string field, IReadOnlyList<string> group) =>
        group.Count > 1 ? PhraseOf(field, group) : new TermQuery(new Term(field, group[0]));

    /// <summary>
    /// The words of the full text within one or two typos of <paramref name="word"/> (Lucene's fuzzy query, expanded
    /// once): the title, terms and summary hold no word the full text lacks, so their clauses reuse the same words
    /// instead of building the typo automaton once per field.
    /// </summary>
    private static List<(string Text, float Boost)> Variants(string word, IndexReader reader)
    {
        var fuzzy = new FuzzyQuery(new Term(SearchFields.FullText, word), word.Length > 6 ? 2 : 1, prefixLength: 1);
        Query rewritten = fuzzy;
        for (var next = rewritten.Rewrite(reader); next != rewritten; next = rewritten.Rewrite(reader))
        {
            rewritten = next;
        }

        return rewritten switch
        {
            BooleanQuery terms => [.. terms.Clauses.Select(c => c.Query).OfType<TermQuery>().Select(t => (t.Term.Text, t.Boost))],
            TermQuery term => [(term.Term.Text, term.Boost)],
            _ => [],
        };
    }

    private static BooleanQuery Either(string field, List<(string Text, float Boost)> variants)
    {
        var either = new BooleanQuery(disableCoord: true);
        foreach (var (text, boost) in variants)
        {
            either.Add(new TermQuery(new Term(field, text)) { Boost = boost }, Occur.SHOULD);
        }

        return either;
    }

    private static PhraseQuery PhraseOf(string field, IReadOnlyList<string> tokens)
    {
        var phrase = new PhraseQuery();
        foreach (var token in tokens)
        {
            phrase.Add(new Term(field, token));
        }

        return phrase;
    }

    [GeneratedRegex("\"([^\"]*)\"")]
    private static partial Regex Phrase();
}
