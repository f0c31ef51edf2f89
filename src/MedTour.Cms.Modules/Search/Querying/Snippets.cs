using System.Net;
using Lucene.Net.Analysis;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using MedTour.Cms.Modules.Search.Lucene;

namespace MedTour.Cms.Modules.Search.Querying;

/// <summary>Highlighted title and snippet of a hit (Lucene's highlighter, HTML-encoded, matches in &lt;mark&gt;). One per query.</summary>
public sealed class Snippets(Query rewritten, Analyzer analyzer)
{
    private const int FragmentSize = 160;
    private const int MaxCharsAnalyzed = 4_000;
    private readonly Highlighter _highlighter = new(new SimpleHTMLFormatter("<mark>", "</mark>"), new SimpleHTMLEncoder(), new QueryScorer(rewritten))
    {
        TextFragmenter = new SimpleFragmenter(FragmentSize),
        // A snippet comes from the text's beginning: re-analyzing whole bodies for each hit cost most of a query's time.
        MaxDocCharsToAnalyze = MaxCharsAnalyzed,
    };

    public string Title(string title) => Best(SearchFields.Title, title, 1) ?? WebUtility.HtmlEncode(title);

    public string Snippet(string summary, string body, string terms)
    {
        foreach (var (field, text) in new[] { (SearchFields.Body, body), (SearchFields.Summary, summary), (SearchFields.Terms, terms) })
        {
            if (text.Length > 0 && Best(field, text, 2) is { } found)
            {
                return found;
            }
        }

        var plain = summary.Length > 0 ? summary : body;
        return WebUtility.HtmlEncode(plain.Length > FragmentSize ? plain[..FragmentSize] + "…" : plain);
    }

    private string? Best(string field, string text, int fragments)
    {
        try
        {
            var best = _highlighter.GetBestFragments(analyzer.GetTokenStream(field, text), text, fragments, " … ");
            return string.IsNullOrEmpty(best) ? null : best;
        }
        catch (InvalidTokenOffsetsException)
        {
            return null;
        }
    }
}
