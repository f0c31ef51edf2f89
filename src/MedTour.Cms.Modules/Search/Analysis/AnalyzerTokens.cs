using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace MedTour.Cms.Modules.Search.Analysis;

/// <summary>The terms an analyzer makes of a text for a field, in order: what a query must look for.</summary>
public static class AnalyzerTokens
{
    public static List<string> Tokens(this Analyzer analyzer, string field, string text)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        var tokens = new List<string>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            tokens.Add(term.ToString());
        }

        stream.End();
        return tokens;
    }
}
