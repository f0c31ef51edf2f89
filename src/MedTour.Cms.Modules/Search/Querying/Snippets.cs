using System.Net;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using MedTour.Cms.Modules.Search.Lucene;

namespace MedTour.Cms.Modules.Search.Querying;

/// <summary>Highlighted title and snippet of a hit (Lucene's highlighter, HTML-encoded, matches in &lt;mark&gt;). One per query.</summary>
public sealed class Snippets
{
    private const int FragmentSize = 160;
    private const int MaxCharsAnalyzed = 4_000;
    private const int WindowSize = 640;
    private const int WindowLead = 80;
    private readonly Analyzer _analyzer;
    private readonly Highlighter _highlighter;
    private readonly string[] _prefixes;

    public Snippets(Query rewritten, Analyzer analyzer)
    {
        ArgumentNullException.ThrowIfNull(rewritten);
        _analyzer = analyzer;
        // QueryTermScorer takes the query's terms once; QueryScorer took them again for every text (and indexed the text in
        // memory for a phrase), a quarter of the highlighting time. A phrase's words are now marked wherever they stand.
        _highlighter = new(new SimpleHTMLFormatter("<mark>", "</mark>"), new SimpleHTMLEncoder(), new QueryTermScorer(rewritten))
        {
            TextFragmenter = new SimpleFragmenter(FragmentSize),
            // Without a window (below), a snippet comes from the text's first characters only.
            MaxDocCharsToAnalyze = MaxCharsAnalyzed,
        };
        var terms = new HashSet<Term>();
        rewritten.ExtractTerms(terms);
        // A stem less its last letter is, nearly always, how the word starts in the text ("therapi" of "therapy").
        _prefixes = [.. terms.Select(t => t.Text).Where(t => t.Length > 0).Select(t => t.Length > 4 ? t[..^1] : t).Distinct(StringComparer.Ordinal)];
    }

    public string Title(string title) => Best(SearchFields.Title, title, 1) ?? WebUtility.HtmlEncode(title);

    public string Snippet(string summary, string body, string terms)
    {
        foreach (var (field, text) in new[] { (SearchFields.Body, body), (SearchFields.Summary, summary), (SearchFields.Terms, terms) })
        {
            if (text.Length > 0 && Windowed(field, text) is { } found)
            {
                return found;
            }
        }

        var plain = summary.Length > 0 ? summary : body;
        return WebUtility.HtmlEncode(plain.Length > FragmentSize ? plain[..FragmentSize] + "…" : plain);
    }

    /// <summary>
    /// The highlighter re-analyzes the text it is given, which cost most of a query's time for long bodies: it gets a
    /// window around the first place a query word seems to start (a plain search), and the whole text (its first
    /// <see cref="MaxCharsAnalyzed"/> characters) only when that finds nothing.
    /// </summary>
    private string? Windowed(string field, string text)
    {
        if (text.Length <= WindowSize)
        {
            return Best(field, text, 2);
        }

        var first = -1;
        foreach (var prefix in _prefixes)
        {
            var at = first < 0 ? text.AsSpan() : text.AsSpan(0, first);
            var found = at.IndexOf(prefix, StringComparison.OrdinalIgnoreCase);
            if (found >= 0)
            {
                first = found;
            }
        }

        if (first >= 0)
        {
            var start = first <= WindowLead ? 0 : text.LastIndexOf(' ', first - 1, WindowLead) + 1;
            start = start <= 0 ? Math.Max(0, first - WindowLead) : start;
            var window = text.Substring(start, Math.Min(WindowSize, text.Length - start));
            if (Best(field, window, 2) is { } inWindow)
            {
                return start > 0 ? "… " + inWindow : inWindow;
            }
        }

        return Best(field, text, 2);
    }

    private string? Best(string field, string text, int fragments)
    {
        try
        {
            var best = _highlighter.GetBestFragments(_analyzer.GetTokenStream(field, text), text, fragments, " … ");
            return string.IsNullOrEmpty(best) ? null : best;
        }
        catch (InvalidTokenOffsetsException)
        {
            return null;
        }
    }
}
