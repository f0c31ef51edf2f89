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

    public static Query Build(IReadOnlyList<IReadOnlyList<string>> groups, SearchOptions options, bool fuzzy)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(options);
        var fields = new (string Name, float Boost)[]
        {
            (SearchFields.Title, options.TitleBoost), (SearchFields.Terms, options.TermsBoost),
            (SearchFields.Summary, options.SummaryBoost), (SearchFields.Body, options.BodyBoost),
        };
        var query = new BooleanQuery();
        foreach (var group in groups)
        {
            var any = new DisjunctionMaxQuery(0.1f);
            foreach (var (name, boost) in fields)
            {
                Query clause = group.Count > 1 ? PhraseOf(name, group) : fuzzy && group[0].Length > 3
                    ? new FuzzyQuery(new Term(name, group[0]), group[0].Length > 6 ? 2 : 1, prefixLength: 1)
                    : new TermQuery(new Term(name, group[0]));
                clause.Boost = boost;
                any.Add(clause);
            }

            query.Add(any, Occur.MUST);
        }

        return query;
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
